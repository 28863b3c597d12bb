// The editor: CodeMirror 6, bundled by esbuild into static/editor.js (a Trunk
// pre-build hook) and driven from Rust through wasm-bindgen (src/editor.rs).
import { EditorView, basicSetup } from "codemirror";
import { keymap, Decoration } from "@codemirror/view";
import { EditorState, StateEffect, StateField, Prec } from "@codemirror/state";
import { sql, SQLite } from "@codemirror/lang-sql";

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

export function createEditor(parent, doc, onRun) {
  const run = () => { onRun(); return true; };
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
        basicSetup,
        sql({ dialect: SQLite }),
        errorField,
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
