package dev.adjoint.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adjoint demo}: the lecture end to end, one section after another. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the lecture's worked examples: the forward and reverse traces of"
            + " ln(x1) + x1*x2 - sin(x2) at (2, 5), and the derivative of the logistic map by forward mode, reverse"
            + " mode and the hand-written closed form.",
            "Give section names to run only those; --list shows them."})
final class DemoCommand implements Callable<Integer> {

    /** The sections in the order they run; later parts of the lecture add theirs here. */
    static final List<DemoSection> SECTIONS = List.of(
            new WorkedExampleDemo(),
            new LogisticMapDemo());

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SECTION", arity = "0..*", description = "Sections to run (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--list", description = "List the sections and exit.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (DemoSection s : SECTIONS) {
                out.printf("%-10s %s%n", s.name(), s.title());
            }
            out.flush();
            return 0;
        }
        List<String> known = SECTIONS.stream().map(DemoSection::name).toList();
        for (String name : only) {
            if (!known.contains(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown demo section '" + name
                        + "'; sections: " + String.join(", ", known));
            }
        }
        boolean first = true;
        for (DemoSection s : SECTIONS) {
            if (!only.isEmpty() && !only.contains(s.name())) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            String heading = "== " + s.title() + " ==";
            out.println(heading);
            out.println();
            s.run(out);
            out.flush();
        }
        return 0;
    }
}
