package dev.adjoint.cli;

import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.trace.Trace;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Excerpt;
import dev.adjoint.symbolic.Exprs;
import dev.adjoint.symbolic.ParseException;
import dev.adjoint.symbolic.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code trace} and {@code diff} work on: an expression, and a point given by {@code --at name=value,...}
 * whose order fixes the order of the variables.
 */
final class Problem {

    private final String text;
    private final Expr expr;
    private final List<String> variables;
    private final double[] point;

    private Problem(String text, Expr expr, List<String> variables, double[] point) {
        this.text = text;
        this.expr = expr;
        this.variables = variables;
        this.point = point;
    }

    /** The expression as written, trimmed. */
    String text() {
        return text;
    }

    /** The expression as headings show it: shortened when very long. */
    String heading() {
        return text.length() <= HEADING ? text : Excerpt.shorten(text);
    }

    /** Longest expression a heading shows in full. */
    private static final int HEADING = 240;

    /** The variables in --at order. */
    List<String> variables() {
        return variables;
    }

    /** The point, in --at order. */
    double[] point() {
        return point.clone();
    }

    /** Parses EXPR and the --at bindings; a bad --at value is a usage error, a variable without one an evaluation error. */
    static Problem of(CommandSpec spec, String text, Map<String, String> at) {
        Expr expr = Parser.parse(text);
        List<String> names = new ArrayList<>();
        double[] point = new double[at.size()];
        for (Map.Entry<String, String> binding : at.entrySet()) {
            String name = binding.getKey().trim();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.equals("pi") || name.equals("e")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--at " + Excerpt.shorten(name + "="
                        + binding.getValue()) + ": '" + Excerpt.shorten(name)
                        + "' is not a variable name (letters, digits and _, not pi or e)");
            }
            point[names.size()] = value(spec, name, binding.getValue());
            names.add(name);
        }
        List<String> missing = new ArrayList<>(Exprs.variables(expr));
        missing.removeAll(names);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for variable" + (missing.size() > 1 ? "s " : " ")
                    + Excerpt.shorten(String.join(", ", missing)) + " in " + Excerpt.shorten(text.trim()) + "; give "
                    + (missing.size() > 1 ? "them" : "it") + " with --at, e.g. --at " + Excerpt.shorten(missing.get(0))
                    + "=1");
        }
        return new Problem(text.trim(), expr, List.copyOf(names), point);
    }

    private static double value(CommandSpec spec, String name, String given) {
        String text = given;
        String shown = Excerpt.shorten(given);
        try {
            Expr e = Parser.parse(text);
            if (!Exprs.variables(e).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--at " + name + "=" + shown
                        + ": the value must be a number or a constant expression such as pi/4");
            }
            double v = Exprs.evaluate(e, Map.of());
            if (!Double.isFinite(v)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--at " + name + "=" + shown
                        + " is not a finite number");
            }
            return v;
        } catch (ParseException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at " + name + "=" + shown
                    + ": not a number: " + ex.getMessage(), ex);
        }
    }

    /** The expression as a function of the variables, in --at order. */
    RealFunction function() {
        return Exprs.toFunction(expr, variables);
    }

    /** The Wengert list at the point (which may contain NaN or infinities: see {@link NonFinite}). */
    Trace trace() {
        return Trace.record(expr, variables, point);
    }

    /** The Wengert list at the point, after checking that no step produced NaN or an infinity. */
    Trace finiteTrace() {
        return trace().requireFinite();
    }

    /** "x1 = 2, x2 = 5". */
    String pointText() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < point.length; i++) {
            m.put(variables.get(i), point[i]);
        }
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " = " + Numbers.plain(v)));
        return String.join(", ", parts);
    }
}
