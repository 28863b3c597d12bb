//! The relationship graph: the mapped tables drawn as SVG boxes, laid out by
//! dagre, with foreign keys and association tables as edges. Drag to pan,
//! wheel (or the buttons) to zoom; selecting a table (click, or Enter on it)
//! highlights its links and the columns they join on, and marks the
//! statements naming it in the SQL log. Below it, the object graph: the live mapped objects
//! coloured by state, linked by their loaded relationships.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::er::{self, Layout, Link, ObjectBox, TableBox};
use crate::protocol::OrmView;

#[wasm_bindgen(module = "/static/graph.js")]
extern "C" {
    /// dagre's layout of a graph given as JSON (see `www/graph.js`).
    #[wasm_bindgen(js_name = layoutGraph)]
    fn layout_graph(spec: &str) -> String;
}

#[derive(Properties, PartialEq)]
pub struct GraphProps {
    pub view: Option<OrmView>,
    /// The selected table (the app keeps it: the SQL log marks its statements).
    #[prop_or_default]
    pub selected: Option<String>,
    #[prop_or_default]
    pub on_select: Callback<Option<String>>,
    /// How many statements of the run name the selected table.
    #[prop_or_default]
    pub touched: usize,
    /// Shows the SQL log.
    #[prop_or_default]
    pub on_show_sql: Callback<()>,
}

/// The visible part of the drawing: its origin and zoom.
#[derive(Clone, Copy, PartialEq)]
struct Camera {
    x: f64,
    y: f64,
    zoom: f64,
}

#[function_component(ErGraph)]
pub fn er_graph(props: &GraphProps) -> Html {
    let objects = use_memo(props.view.clone(), |view| {
        view.as_ref().map(|v| {
            let (nodes, links) = er::objects(v);
            let layout = if nodes.is_empty() { Layout::default() } else { er::layout(&layout_graph(&er::objects_spec(&nodes, &links))) };
            (nodes, links, layout)
        })
    });
    let drawn = use_memo(props.view.clone(), |view| {
        view.as_ref().map(|v| {
            let (tables, links) = er::graph(v);
            let layout = if tables.is_empty() { Layout::default() } else { er::layout(&layout_graph(&er::spec(&tables, &links))) };
            (tables, links, layout)
        })
    });
    let camera = use_state(|| Camera { x: 0.0, y: 0.0, zoom: 1.0 });
    let selected = &props.selected;
    let dragging = use_mut_ref(|| None::<(f64, f64)>);
    let Some((tables, links, layout)) = drawn.as_ref() else {
        return html! {
            <div class="graph empty" data-testid="graph">
                { "The relationship graph of the mapped classes appears here after a script that uses sqlalchemy.orm runs." }
            </div>
        };
    };
    if tables.is_empty() {
        return html! { <div class="graph empty" data-testid="graph">{ "No mapped classes." }</div> };
    }
    let zoom_by = |factor: f64| {
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| camera.set(Camera { zoom: (camera.zoom * factor).clamp(0.2, 4.0), ..*camera }))
    };
    let on_wheel = {
        let camera = camera.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let factor = if e.delta_y() < 0.0 { 1.1 } else { 1.0 / 1.1 };
            camera.set(Camera { zoom: (camera.zoom * factor).clamp(0.2, 4.0), ..*camera });
        })
    };
    let on_down = {
        let dragging = dragging.clone();
        Callback::from(move |e: MouseEvent| *dragging.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64)))
    };
    let on_move = {
        let dragging = dragging.clone();
        let camera = camera.clone();
        Callback::from(move |e: MouseEvent| {
            let last = *dragging.borrow();
            if let Some((x, y)) = last {
                let (nx, ny) = (e.client_x() as f64, e.client_y() as f64);
                *dragging.borrow_mut() = Some((nx, ny));
                camera.set(Camera { x: camera.x - (nx - x) / camera.zoom, y: camera.y - (ny - y) / camera.zoom, ..*camera });
            }
        })
    };
    let on_up = {
        let dragging = dragging.clone();
        Callback::from(move |_: MouseEvent| *dragging.borrow_mut() = None)
    };
    let width = layout.width.max(200.0);
    let height = layout.height.max(100.0);
    let view_box = format!("{} {} {} {}", camera.x, camera.y, width / camera.zoom, height / camera.zoom);
    let is_selected = |id: &str| selected.as_deref() == Some(id);
    let edges = links.iter().zip(&layout.edges).map(|(link, routed): (&Link, _)| {
        let d = path(&routed.points);
        let lit = is_selected(&link.from) || is_selected(&link.to);
        html! {
            <path class={classes!("edge", lit.then_some("lit"))} d={d} marker-end="url(#arrow)" data-from={link.from.clone()}
                  data-to={link.to.clone()}><title>{ format!("{} → {} {}", link.from, link.to, link.label) }</title></path>
        }
    });
    let nodes = tables.iter().filter_map(|t: &TableBox| {
        let placed = layout.nodes.iter().find(|n| n.id == t.id)?;
        let onclick = {
            let on_select = props.on_select.clone();
            let now = selected.clone();
            let id = t.id.clone();
            Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                on_select.emit(if now.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) });
            })
        };
        let rows = t.columns.iter().enumerate().map(|(i, c)| {
            let y = er::HEADER + er::ROW * (i as f64 + 1.0) - 4.0;
            let lit = selected.as_deref().is_some_and(|s| c.links(&t.id, s));
            html! {
                <g class={classes!("column", lit.then_some("lit"))} data-column={c.name.clone()}>
                    <text x="8" y={format!("{y}")} class="col">{ &c.name }</text>
                    <text x={format!("{}", er::WIDTH - 8.0)} y={format!("{y}")} class="type" text-anchor="end">
                        { if c.flags.is_empty() { c.ty.clone() } else { format!("{} {}", c.flags, c.ty) } }</text>
                </g>
            }
        });
        let title = match &t.class_name {
            Some(class) => format!("{} ({class})", t.id),
            None => format!("{} (association)", t.id),
        };
        let onkeydown = {
            let onclick = onclick.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    if let Ok(click) = web_sys::MouseEvent::new("click") {
                        onclick.emit(click);
                    }
                }
            })
        };
        Some(html! {
            <g class={classes!("table", t.association.then_some("association"), is_selected(&t.id).then_some("selected"))}
               transform={format!("translate({:.1},{:.1})", placed.x, placed.y)} data-table={t.id.clone()} {onclick} {onkeydown}
               tabindex="0" role="button" aria-label={title.clone()}>
                <rect width={format!("{}", er::WIDTH)} height={format!("{}", er::height(t))} rx="5" />
                <text x="8" y="17" class="name">{ title }</text>
                <line x1="0" x2={format!("{}", er::WIDTH)} y1={format!("{}", er::HEADER)} y2={format!("{}", er::HEADER)} />
                { for rows }
            </g>
        })
    });
    let reset = {
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| camera.set(Camera { x: 0.0, y: 0.0, zoom: 1.0 }))
    };
    html! {
        <div class="graph" data-testid="graph">
            <div class="graph-tools">
                <button onclick={zoom_by(1.25)} aria-label="Zoom in">{ "+" }</button>
                <button onclick={zoom_by(0.8)} aria-label="Zoom out">{ "−" }</button>
                <button onclick={reset}>{ "Fit" }</button>
                {
                    match selected {
                        Some(table) => {
                            let show = props.on_show_sql.reform(|_: MouseEvent| ());
                            let n = props.touched;
                            html! {
                                <span class="hint" data-testid="table-sql">
                                    { format!("{table}: named by {n} statement{} ", if n == 1 { "" } else { "s" }) }
                                    <button onclick={show}>{ "Show them in the SQL log" }</button>
                                </span>
                            }
                        }
                        None => html! { <span class="hint">{ "Drag to pan, wheel to zoom, click a table to highlight its links and its SQL." }</span> },
                    }
                }
            </div>
            <svg viewBox={view_box} width="100%" height={format!("{}", height.min(640.0))} onwheel={on_wheel}
                 onmousedown={on_down} onmousemove={on_move} onmouseup={on_up.clone()} onmouseleave={on_up}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                </defs>
                { for edges }
                { for nodes }
            </svg>
            { object_graph(objects.as_ref().as_ref()) }
        </div>
    }
}

/// An SVG path through the points dagre routed an edge along.
fn path(points: &[(f64, f64)]) -> String {
    points.iter().enumerate().map(|(i, (x, y))| format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" })).collect::<Vec<_>>().join(" ")
}

/// The live objects, coloured by state, and their loaded links.
fn object_graph(drawn: Option<&(Vec<ObjectBox>, Vec<Link>, Layout)>) -> Html {
    let Some((nodes, links, layout)) = drawn else { return html! {} };
    if nodes.is_empty() {
        return html! {};
    }
    let edges = links.iter().zip(&layout.edges).map(|(link, routed)| {
        let d = path(&routed.points);
        html! { <path class="edge" d={d}><title>{ link.label.clone() }</title></path> }
    });
    let boxes = nodes.iter().filter_map(|n| {
        let placed = layout.nodes.iter().find(|p| p.id == n.id)?;
        Some(html! {
            <g class={classes!("object", n.state.clone())} data-state={n.state.clone()}
               transform={format!("translate({:.1},{:.1})", placed.x, placed.y)}>
                <rect width={format!("{}", er::OBJECT_WIDTH)} height={format!("{}", er::OBJECT_HEIGHT)} rx="5" />
                <text x="8" y="14" class="label">{ n.label.clone() }</text>
                <text x="8" y="28" class="state">{ n.state.clone() }</text>
            </g>
        })
    });
    html! {
        <>
            <h3 class="graph-title">{ "Objects (as the run left them)" }</h3>
            <svg class="objects" data-testid="object-graph" viewBox={format!("0 0 {} {}", layout.width.max(200.0), layout.height.max(60.0))}
                 width="100%" height={format!("{}", layout.height.clamp(60.0, 480.0))}>
                { for edges }
                { for boxes }
            </svg>
        </>
    }
}
