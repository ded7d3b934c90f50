package dev.adjoint.graph.compile;

import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated Java source to JVM bytecode in memory with Janino. We generate source rather than bytecode
 * (ASM) because the source is readable, printable for debugging, and Janino computes stack maps and frames for us;
 * compiling a kernel takes milliseconds.
 */
final class Janino {

    private Janino() {
    }

    /** The class loader holding the classes that {@code source} (one compilation unit) defines. */
    static ClassLoader cook(String source) {
        try {
            SimpleCompiler c = new SimpleCompiler();
            c.setParentClassLoader(Janino.class.getClassLoader());
            c.cook(source);
            return c.getClassLoader();
        } catch (Exception e) {
            throw new IllegalStateException("compile: generated code did not compile: " + e.getMessage()
                    + "\n" + source, e);
        }
    }

    /** A new instance of class {@code name} (public, no-argument constructor) defined by {@code source}. */
    static Object instantiate(String name, String source) {
        try {
            SimpleCompiler c = new SimpleCompiler();
            c.setParentClassLoader(Janino.class.getClassLoader());
            c.cook(source);
            return c.getClassLoader().loadClass(name).getDeclaredConstructor().newInstance();
        } catch (Exception e) {
            throw new IllegalStateException("compile: generated code did not compile: " + e.getMessage()
                    + "\n" + source, e);
        }
    }
}
