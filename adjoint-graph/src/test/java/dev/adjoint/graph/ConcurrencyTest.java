package dev.adjoint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.examples.Mlp;
import dev.adjoint.examples.Rosenbrock;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;
import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Mode;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * Gradients computed in 8 threads at once, for about two seconds, are bit-for-bit those computed on one thread:
 * scalar tapes (reverse, forward, Hessians, a {@link Tape} used directly), tensor transforms (grad, hvp, vmap of grad,
 * jacobian, valueAndGrad of an MLP, detectAnomaly and noGrad scopes) and one Jit-compiled function shared by all
 * threads, compiled by whichever thread calls it first.
 */
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final long MILLIS = 2_000;

    /** f(x) = Σ ln(1 + xᵢ²) + x₀x₁·sin(x₂) + tanh(Π xᵢ) on Reals: every scalar mode runs it. */
    private static final RealFunction SCALAR = x -> {
        Real sum = x[0].constant(0);
        Real product = x[0].constant(1);
        for (Real xi : x) {
            sum = sum.add(xi.mul(xi).add(1).log());
            product = product.mul(xi);
        }
        return sum.add(x[0].mul(x[1]).mul(x[2].sin())).add(product.tanh());
    };

    private static Tensor loss(Tensor x) {
        return Rosenbrock.value(x).add(x.sin().mul(x).sum());
    }

    /** The tasks, each returning its result flattened; every call of a task must give the same bits. */
    private static Map<String, Supplier<double[]>> tasks(CompiledFunction<Tensor, ValueAndGrad<Tensor>> jitted) {
        double[] x = {0.7, -1.3, 2.1, 0.4, -0.9};
        Tensor t = Tensor.randn(Rng.seed(1), 64);
        Tensor v = Tensor.randn(Rng.seed(2), 64);
        Tensor batch = Tensor.randn(Rng.seed(3), 16, 24);
        Mlp mlp = Mlp.init(Rng.seed(4), 32, 48, 10);
        Mlp.Data data = Mlp.data(Rng.seed(5), 40, 32, 10);
        Map<String, Supplier<double[]>> tasks = new LinkedHashMap<>();
        tasks.put("scalar reverse", () -> Derivatives.gradient(SCALAR, x).gradient());
        tasks.put("scalar forward", () -> Derivatives.gradient(SCALAR, Mode.FORWARD, x).gradient());
        tasks.put("scalar hessian", () -> Arrays.stream(Derivatives.hessian(SCALAR, x)).flatMapToDouble(Arrays::stream)
                .toArray());
        tasks.put("tape", () -> {
            Tape tape = Tape.create();
            Var[] in = tape.variables(x);
            Var y = (Var) SCALAR.apply(in);
            return tape.gradient(y, in);
        });
        tasks.put("grad", () -> Ad.grad(ConcurrencyTest::loss).apply(t).toArray());
        tasks.put("hvp", () -> Ad.hvp(ConcurrencyTest::loss, t, v).toArray());
        tasks.put("vmap grad", () -> Ad.vmap(Ad.grad(ConcurrencyTest::loss)).apply(batch).toArray());
        tasks.put("jacobian", () -> Ad.jacobian(y -> y.tanh().mul(y.sum()), t.slice(0, 0, 12)).toArray());
        tasks.put("mlp valueAndGrad", () -> {
            ValueAndGrad<Mlp> g = Ad.valueAndGrad((Mlp m) -> m.loss(data)).apply(mlp);
            DoubleStream all = DoubleStream.of(g.value().item());
            for (Mlp.Dense d : g.grad().layers()) {
                all = DoubleStream.concat(all, DoubleStream.concat(Arrays.stream(d.weight().toArray()),
                        Arrays.stream(d.bias().toArray())));
            }
            return all.toArray();
        });
        tasks.put("detectAnomaly and noGrad", () -> {
            try (var anomaly = Ad.detectAnomaly()) {
                Tensor g = Ad.grad(ConcurrencyTest::loss).apply(t);
                try (var off = Ad.noGrad()) {
                    return DoubleStream.concat(Arrays.stream(g.toArray()), Arrays.stream(loss(t).toArray())).toArray();
                }
            }
        });
        tasks.put("jit valueAndGrad", () -> {
            ValueAndGrad<Tensor> g = jitted.apply(t);
            return DoubleStream.concat(DoubleStream.of(g.value().item()), Arrays.stream(g.grad().toArray())).toArray();
        });
        return tasks;
    }

    @Test
    void gradientsInEightThreadsAreBitForBitTheSingleThreadedOnes() throws Exception {
        Map<String, double[]> expected = new LinkedHashMap<>();
        tasks(Jit.compile(Ad.valueAndGrad(ConcurrencyTest::loss))).forEach((name, task) -> expected.put(name,
                task.get()));

        // A fresh compiled function, so that its first calls (tracing and compiling) also race.
        Map<String, Supplier<double[]>> tasks = tasks(Jit.compile(Ad.valueAndGrad(ConcurrencyTest::loss)));
        List<String> names = new ArrayList<>(tasks.keySet());
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicReference<String> mismatch = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
            int offset = k;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    long end = System.currentTimeMillis() + MILLIS;
                    for (int i = offset; System.currentTimeMillis() < end && mismatch.get() == null; i++) {
                        String name = names.get(i % names.size());
                        double[] got = tasks.get(name).get();
                        runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                        if (!Arrays.equals(got, expected.get(name))) {
                            mismatch.compareAndSet(null, name + " in thread " + offset + ": " + Arrays.toString(got)
                                    + " instead of " + Arrays.toString(expected.get(name)));
                        }
                    }
                } catch (Throwable e) {
                    thrown.compareAndSet(null, e);
                }
            }, "gradients-" + k);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(thrown.get()).as("thrown in a thread").isNull();
        assertThat(mismatch.get()).as("a result that differs from the single-threaded one").isNull();
        for (String name : names) {
            assertThat(runs.get(name)).as(name + " ran in the threads").isNotNull();
            assertThat(runs.get(name).get()).as(name + " runs").isGreaterThanOrEqualTo(THREADS);
        }
    }

    @Test
    void eachThreadHasItsOwnInterpreterStack() throws Exception {
        // A transform open in one thread is invisible to another: a plain evaluation there stays plain.
        Function<Tensor, Tensor> f = x -> x.mul(x).sum();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<double[]> other = new AtomicReference<>();
        Thread outer = new Thread(() -> Ad.grad((Tensor x) -> {
            inside.countDown();
            try {
                checked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return f.apply(x);
        }).apply(Tensor.of(1, 2, 3)));
        outer.start();
        inside.await();
        other.set(Ad.grad(f).apply(Tensor.of(4, 5)).toArray());
        checked.countDown();
        outer.join();
        assertThat(other.get()).containsExactly(8, 10);
    }
}
