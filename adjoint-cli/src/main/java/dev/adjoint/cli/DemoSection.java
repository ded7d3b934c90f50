package dev.adjoint.cli;

import java.io.PrintWriter;

/** One part of {@code adjoint demo}: a piece of the lecture worked end to end. Add new ones to {@link DemoCommand#SECTIONS}. */
interface DemoSection {

    /** Short name to select the section on the command line, e.g. {@code logistic}. */
    String name();

    /** One-line title printed above the section. */
    String title();

    /** Prints the section. */
    void run(PrintWriter out);
}
