// The editor: CodeMirror 6, bundled by esbuild into static/editor.js (a Trunk
// pre-build hook) and driven from Rust through wasm-bindgen (src/editor.rs).
import {
  EditorView, keymap, Decoration, gutter, GutterMarker, lineNumbers, highlightActiveLineGutter, drawSelection, highlightActiveLine,
} from "@codemirror/view";
import { EditorState, StateEffect, StateField, Prec, RangeSet, Compartment } from "@codemirror/state";
import { indentOnInput, syntaxHighlighting, defaultHighlightStyle, bracketMatching } from "@codemirror/language";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";
import { searchKeymap } from "@codemirror/search";
import { closeBrackets, autocompletion, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { sql, SQLite } from "@codemirror/lang-sql";
import { python } from "@codemirror/lang-python";

// Python or SQL: the same test as src/language.rs (a line that imports,
// prints, defines a function or a class makes it Python).
function isPython(text) {
  return text.split("\n").some((raw) => {
    const line = raw.trimStart();
    return line.startsWith("import ") || (line.startsWith("from ") && line.includes(" import ")) ||
      line.startsWith("print(") || line.startsWith("def ") || line.startsWith("class ");
  });
}

// codemirror's basicSetup less what a playground's short scripts do not
// need and the download should not carry (7.8 KB of gzip): linting, code
// folding, rectangular selection, the drop cursor, highlighting of the
// selection's other matches and of special characters. Kept: line numbers,
// undo, bracket matching and closing, search (Ctrl-F), completion (the
// script's own names, its imports included, and Python's builtins, from
// lang-python).
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  history(),
  drawSelection(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  autocompletion(),
  highlightActiveLine(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap]),
];

const language = new Compartment();
const languageOf = (text) => (isPython(text) ? python() : sql({ dialect: SQLite }));

// Switches the highlighting when an edit turns the text from SQL to Python or back.
const languageSwitch = EditorView.updateListener.of((update) => {
  if (!update.docChanged) return;
  const was = isPython(update.startState.doc.toString());
  const now = isPython(update.state.doc.toString());
  if (was !== now) update.view.dispatch({ effects: language.reconfigure(languageOf(update.state.doc.toString())) });
});

const setError = StateEffect.define();

// The line of the last error, underlined, with its message as a tooltip.
const errorField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setError)) continue;
      const { line, message } = e.value;
      if (line < 1 || line > tr.state.doc.lines) return Decoration.none;
      const l = tr.state.doc.line(line);
      const deco = Decoration.mark({ class: "cm-retort-error", attributes: { title: message } });
      return l.from === l.to ? Decoration.none : Decoration.set([deco.range(l.from, l.to)]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// How many statements each line sent, shown in a gutter; a click on a
// count selects that line's statements in the SQL log.
const setCounts = StateEffect.define();

class CountMarker extends GutterMarker {
  constructor(count) { super(); this.count = count; }
  eq(other) { return other.count === this.count; }
  toDOM() {
    const el = document.createElement("span");
    el.className = "cm-sql-count";
    el.textContent = String(this.count);
    el.title = this.count === 1 ? "1 SQL statement" : `${this.count} SQL statements`;
    return el;
  }
}

const countsField = StateField.define({
  create: () => RangeSet.empty,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (!e.is(setCounts)) continue;
      const ranges = [];
      for (const [line, count] of e.value) {
        if (line >= 1 && line <= tr.state.doc.lines) ranges.push(new CountMarker(count).range(tr.state.doc.line(line).from));
      }
      return RangeSet.of(ranges, true);
    }
    return tr.docChanged ? RangeSet.empty : marks;
  },
});

const setSelectedLine = StateEffect.define();
const selectedLineField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (!e.is(setSelectedLine)) continue;
      if (e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
      return Decoration.set([Decoration.line({ class: "cm-retort-selected" }).range(tr.state.doc.line(e.value).from)]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Read-only (embedded snippets with readonly=1) or editable.
const editable = new Compartment();

export function setReadOnly(view, readOnly) {
  view.dispatch({
    effects: editable.reconfigure(readOnly ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []),
  });
}

export function createEditor(parent, doc, onRun, onSelectLine) {
  const run = () => { onRun(); return true; };
  const sqlGutter = gutter({
    class: "cm-sql-gutter",
    markers: (view) => view.state.field(countsField),
    domEventHandlers: {
      mousedown(view, block) {
        const line = view.state.doc.lineAt(block.from).number;
        const marked = view.state.field(countsField);
        let has = false;
        marked.between(block.from, block.from, () => { has = true; });
        if (has) onSelectLine(line);
        return has;
      },
    },
  });
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
        setup,
        language.of(languageOf(doc)),
        languageSwitch,
        errorField,
        countsField,
        selectedLineField,
        sqlGutter,
        editable.of([]),
      ],
    }),
  });
}

export function getText(view) {
  return view.state.doc.toString();
}

export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

// line 0 clears the mark.
export function markError(view, line, message) {
  view.dispatch({ effects: setError.of({ line, message }) });
}

// counts: [[line, count], ...]; an empty list clears the gutter.
export function setSqlCounts(view, counts) {
  view.dispatch({ effects: setCounts.of(counts) });
}

// Highlights one line (0 clears) and scrolls it into view.
export function selectLine(view, line) {
  const effects = [setSelectedLine.of(line)];
  if (line >= 1 && line <= view.state.doc.lines) effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }));
  view.dispatch({ effects });
}
