package dev.adjoint.scalar;

/**
 * The program {@link BigTapeTest} runs in a JVM of its own with a small heap: records {@code args[0]} operations
 * y ← y + x on one tape (y and x on two entries, so each is an entry), sweeps, and prints the tape's size, the bytes it holds and the gradient; with
 * {@code hvp} as {@code args[1]}, the same chain as a Hessian-vector product (the second-order tape).
 */
public final class BigTape {

    private BigTape() {
    }

    /** {@code BigTape operations [hvp]}. */
    public static void main(String[] args) {
        long operations = Long.parseLong(args[0]);
        if (args.length > 1 && args[1].equals("hvp")) {
            RealFunction f = v -> {
                Real y = v[0].add(v[1]);
                for (long i = 1; i < operations; i++) {
                    y = y.add(v[0]);
                }
                return y.square();
            };
            System.out.println("hvp " + Derivatives.hvp(f, new double[] {1, 0}, new double[] {1, 0})[0]);
            return;
        }
        Tape tape = Tape.create();
        Var x = tape.variable(1);
        Var y = x.add(tape.variable(0)); // an entry of its own, so that every y + x is one more entry
        for (long i = 1; i < operations; i++) {
            y = y.add(x);
        }
        double g = tape.gradient(y, x)[0];
        System.out.println("entries " + tape.size() + " bytes " + tape.bytesHeld() + " gradient " + g);
    }
}
