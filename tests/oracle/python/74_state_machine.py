# A small state machine with an Enum and a transition table.
from enum import Enum


class State(Enum):
    DRAFT = "draft"
    REVIEW = "review"
    PUBLISHED = "published"
    ARCHIVED = "archived"


TRANSITIONS = {
    State.DRAFT: {State.REVIEW},
    State.REVIEW: {State.DRAFT, State.PUBLISHED},
    State.PUBLISHED: {State.ARCHIVED},
    State.ARCHIVED: set(),
}


class InvalidTransition(Exception):
    pass


class Document:
    def __init__(self, title):
        self.title = title
        self.state = State.DRAFT
        self.log = [self.state.value]

    def move(self, target):
        if target not in TRANSITIONS[self.state]:
            raise InvalidTransition(f"{self.state.name} -> {target.name} is not allowed")
        self.state = target
        self.log.append(target.value)


doc = Document("spec")
for target in [State.REVIEW, State.DRAFT, State.REVIEW, State.PUBLISHED, State.DRAFT, State.ARCHIVED]:
    try:
        doc.move(target)
    except InvalidTransition as e:
        print("refused:", e)
print(doc.state, doc.log, [s.name for s in State if not TRANSITIONS[s]])
