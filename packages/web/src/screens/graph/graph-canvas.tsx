import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { entityLabel } from './graph-api.ts';
import type { GraphView } from './graph-view.ts';

// The drawn graph. Loaded on demand (React.lazy), so cytoscape stays out of the console's first
// download. The canvas is for sighted pointer users; the table beside it carries the same data
// for keyboards and screen readers, so the canvas is hidden from assistive technology.

export interface GraphCanvasProps {
  view: GraphView;
  /** A tap on a node: show its neighbours too. */
  onExpand: (entityId: string) => void;
  /** A double tap on a node: make it the focus. */
  onOpen: (entityId: string) => void;
}

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#4a6fa5', width: 18, height: 18, color: '#1d2733' } },
  { selector: 'node.focus', style: { 'background-color': '#b3541e', width: 26, height: 26, 'font-weight': 'bold' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#8d99a6', 'target-arrow-color': '#8d99a6', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#4d5966' } },
];

export default function GraphCanvas({ view, onExpand, onOpen }: GraphCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onExpand, onOpen });
  handlers.current = { onExpand, onOpen };

  useEffect(() => {
    if (box.current === null) return;
    const ids = new Set([view.focus.entity_id, ...view.nodes.map((n) => n.entity.entity_id)]);
    const cy = cytoscape({
      container: box.current,
      style: STYLE,
      elements: [
        { data: { id: view.focus.entity_id, label: entityLabel(view.focus) }, classes: 'focus' },
        ...view.nodes.map((n) => ({ data: { id: n.entity.entity_id, label: entityLabel(n.entity) } })),
        // An edge whose far end lies outside what was read is left out rather than drawn to nowhere.
        ...view.edges.filter((e) => ids.has(e.from_id) && ids.has(e.to_id)).map((e) => ({ data: { id: `edge:${e.relationship_id}`, source: e.from_id, target: e.to_id, label: e.type } })),
      ],
      layout: { name: 'breadthfirst', roots: [view.focus.entity_id], directed: false, spacingFactor: 1.1, animate: false },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (e) => handlers.current.onExpand(e.target.id()));
    cy.on('dbltap', 'node', (e) => handlers.current.onOpen(e.target.id()));
    return () => cy.destroy();
  }, [view]);

  return <div ref={box} className="graph-canvas" aria-hidden="true" data-node-count={view.nodes.length + 1} />;
}
