package dev.adjoint.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Text and DOT renderings of a graph; variables are named a, b, …, z, ba, … in order of definition. */
final class Printer {

    private Printer() {
    }

    private static final class Names {
        final Map<Var, String> names = new HashMap<>();

        String of(Atom a) {
            if (a instanceof Literal l) {
                return l.toString();
            }
            return names.computeIfAbsent((Var) a, v -> letters(names.size()));
        }

        static String letters(int i) {
            StringBuilder s = new StringBuilder();
            do {
                s.insert(0, (char) ('a' + i % 26));
                i = i / 26;
            } while (i > 0);
            return s.toString();
        }
    }

    static String text(Graph g) {
        StringBuilder sb = new StringBuilder();
        text(g, new Names(), "", sb);
        return sb.toString();
    }

    private static void text(Graph g, Names n, String indent, StringBuilder sb) {
        StringJoiner in = new StringJoiner(" ");
        for (Var v : g.inputs()) {
            in.add(n.of(v) + ":" + Format.type(v.shape()));
        }
        sb.append("{ lambda ").append(in).append(" .\n");
        for (Equation e : g.equations()) {
            sb.append(indent).append("  ").append(n.of(e.output())).append(':')
                    .append(Format.type(e.output().shape())).append(" = ").append(e.op().name())
                    .append(e.op().params());
            for (Atom a : e.inputs()) {
                sb.append(' ').append(n.of(a));
            }
            sb.append('\n');
            if (e.op() instanceof Fused f) {
                sb.append(indent).append("    ");
                text(f.body(), n, indent + "    ", sb);
            }
        }
        StringJoiner out = new StringJoiner(", ", "(", ")");
        for (Atom a : g.outputs()) {
            out.add(n.of(a));
        }
        sb.append(indent).append("  in ").append(out).append(" }\n");
    }

    static String dot(Graph g) {
        Names n = new Names();
        StringBuilder sb = new StringBuilder("digraph G {\n  rankdir=TB;\n  node [fontname=\"monospace\"];\n");
        for (Var v : g.inputs()) {
            sb.append("  ").append(id(n, v)).append(" [shape=box, label=\"").append(n.of(v)).append(": ")
                    .append(Format.type(v.shape())).append("\"];\n");
        }
        int literals = 0;
        for (Equation e : g.equations()) {
            String node = id(n, e.output());
            sb.append("  ").append(node).append(" [shape=ellipse, label=\"").append(n.of(e.output()))
                    .append(" = ").append(escape(e.op().name() + e.op().params())).append("\\n")
                    .append(Format.type(e.output().shape())).append("\"];\n");
            List<Atom> ins = e.inputs();
            for (int i = 0; i < ins.size(); i++) {
                Atom a = ins.get(i);
                String from;
                if (a instanceof Literal l) {
                    from = "lit" + literals++;
                    sb.append("  ").append(from).append(" [shape=plaintext, label=\"").append(escape(l.toString()))
                            .append("\"];\n");
                } else {
                    from = id(n, a);
                }
                sb.append("  ").append(from).append(" -> ").append(node)
                        .append(ins.size() > 1 ? " [label=\"" + i + "\"]" : "").append(";\n");
            }
        }
        for (int i = 0; i < g.outputs().size(); i++) {
            Atom a = g.outputs().get(i);
            sb.append("  out").append(i).append(" [shape=doublecircle, label=\"out").append(i).append("\"];\n");
            if (a instanceof Var) {
                sb.append("  ").append(id(n, a)).append(" -> out").append(i).append(";\n");
            } else {
                sb.append("  lit_out").append(i).append(" [shape=plaintext, label=\"").append(escape(a.toString()))
                        .append("\"];\n  lit_out").append(i).append(" -> out").append(i).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static String id(Names n, Atom a) {
        return "v_" + n.of(a);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
