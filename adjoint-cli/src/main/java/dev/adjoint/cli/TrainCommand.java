package dev.adjoint.cli;

import dev.adjoint.Rng;
import dev.adjoint.array.Blas;
import dev.adjoint.array.DType;
import dev.adjoint.array.Parallel;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.FashionMnist;
import dev.adjoint.nn.data.Normalizer;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Lbfgs;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Schedule;
import dev.adjoint.nn.optim.Sgd;
import dev.adjoint.nn.train.Epoch;
import dev.adjoint.nn.train.OptimizerComparison;
import dev.adjoint.nn.train.Plots;
import dev.adjoint.nn.train.Trainer;
import dev.adjoint.nn.train.TrainingState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adjoint train}: trains a classifier with reverse-mode AD as backpropagation. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a classifier by backpropagation (reverse-mode AD) and reports loss and accuracy per"
            + " epoch.",
            "With --data DIR: an MNIST-format directory such as Fashion-MNIST (apt-get install dataset-fashion-mnist;"
            + " DIR = /usr/share/datasets/fashion-mnist). Without --data: the two-spirals problem, generated from the"
            + " seed (no download), a few seconds."})
final class TrainCommand implements Callable<Integer> {

    /** The models on offer. */
    enum ModelKind { mlp, cnn }

    /** The optimisers on offer. */
    enum OptimizerKind { sgd, adam, lbfgs, hf }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST-format data directory (default: spirals).")
    Path data;

    @Option(names = "--model", paramLabel = "KIND", description = "mlp or cnn (default: ${DEFAULT-VALUE}).")
    ModelKind model = ModelKind.mlp;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd (Nesterov momentum 0.9), adam, lbfgs or hf (Hessian-free, Gauss-Newton)"
                    + " (default: ${DEFAULT-VALUE}).")
    OptimizerKind optimizer = OptimizerKind.adam;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 10 on image data, 30 on spirals).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "B", description = "Mini-batch size (default: 128 for sgd/adam, 1000"
            + " for lbfgs/hf).")
    Integer batch;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for initialisation, shuffling, dropout, data"
            + " (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 1e-3 adam, 0.05 sgd;"
            + " 0.01 adam on spirals).")
    Double lr;

    @Option(names = "--cosine", description = "Decay the learning rate of sgd/adam to 0 along a cosine over the run.")
    boolean cosine;

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",",
            description = "MLP hidden layer sizes (default: 256,128,100 on images, 64,64 on spirals).")
    int[] hidden;

    @Option(names = "--filters", paramLabel = "C1,C2", split = ",",
            description = "CNN filters of the two 3x3 convolutions (default: 16,32).")
    int[] filters = {16, 32};

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training examples.")
    Integer limit;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for tensor kernels and matrix products;"
            + " OpenBLAS itself runs on one (default: all processors).")
    Integer threads;

    @Option(names = "--dtype", paramLabel = "TYPE", converter = DTypeConverter.class,
            description = "float64 (the reference) or float32: the parameters, inputs and every kernel (BLAS sgemm,"
                    + " float loops) in that dtype (default: float64).")
    DType dtype = DType.FLOAT64;

    @Option(names = "--json", paramLabel = "FILE", description = "Write one JSON line per epoch to FILE.")
    Path json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write params.npz (the trained parameters, NumPy format), loss.png and accuracy.png to DIR.")
    Path out;

    @Option(names = "--save", paramLabel = "FILE",
            description = "After every epoch, save the run (parameters, optimiser state, epoch) to FILE (.npz),"
                    + " replacing it atomically.")
    Path save;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved in FILE by --save: give the same options as that run (model, data,"
                    + " optimizer, --lr, --cosine, --batch, --epochs, --seed); the result is bit for bit that of an"
                    + " uninterrupted run.")
    Path resume;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Train data-parallel on Apache Spark: local[N], spark://HOST:7077, yarn, ... (sgd/adam take"
                    + " synchronous mini-batch steps, lbfgs one full-batch step per epoch). Run through ./adjoint,"
                    + " which adds Spark to the class path.")
    String spark;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With --spark: partitions of the training set (default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--compare-optimizers",
            description = "Instead of training a classifier: Hessian-free vs L-BFGS vs Adam vs SGD on a badly"
                    + " conditioned least-squares network; writes compare-optimizers.png (loss against epochs and"
                    + " against time) to --out (default: the current directory). --epochs sets the SGD/Adam epochs"
                    + " (default 150); L-BFGS and Hessian-free run a third as many iterations.")
    boolean compare;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        check();
        try {
            if (compare) {
                compare(w);
                return 0;
            }
            run(w);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return 0;
    }

    private void check() {
        CommandLine cl = spec.commandLine();
        if (data == null && model == ModelKind.cnn) {
            throw new CommandLine.ParameterException(cl, "--model cnn needs image data: give --data DIR"
                    + " (the spirals are points in the plane)");
        }
        if (epochs != null && epochs < 1 || batch != null && batch < 1 || limit != null && limit < 1) {
            throw new CommandLine.ParameterException(cl, "--epochs, --batch and --limit must be at least 1");
        }
        if (compare && (save != null || resume != null)) {
            throw new CommandLine.ParameterException(cl, "--save and --resume apply to training a classifier, not to"
                    + " --compare-optimizers");
        }
        if (spark != null && (save != null || resume != null)) {
            throw new CommandLine.ParameterException(cl, "--save and --resume apply to local training; a --spark run"
                    + " writes its parameters with --out");
        }
        if (partitions != null && (spark == null || partitions < 1)) {
            throw new CommandLine.ParameterException(cl, "--partitions needs --spark and must be at least 1");
        }
        if (spark != null && (compare || optimizer == OptimizerKind.hf)) {
            throw new CommandLine.ParameterException(cl, "--spark trains a classifier with sgd, adam or lbfgs (Hessian-"
                    + "free needs Hessian-vector products, which a distributed loss does not give; --compare-optimizers"
                    + " runs locally)");
        }
        if (spark != null && dtype != DType.FLOAT64) {
            throw new CommandLine.ParameterException(cl, "--spark trains in float64; drop --dtype " + dtype
                    + " for a --spark run");
        }
        if (spark != null && !SparkRun.available()) {
            throw new CommandLine.ParameterException(cl, "--spark: Apache Spark is not on the class path; run"
                    + " through ./adjoint, which adds it for --spark runs (see adjoint-spark/README.md)");
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be at least 1, got " + threads);
        }
        if (lr != null && !(lr > 0)) {
            throw new CommandLine.ParameterException(cl, "--lr must be positive, got " + lr);
        }
        if (hidden != null && Arrays.stream(hidden).anyMatch(h -> h < 1) || filters.length != 2
                || Arrays.stream(filters).anyMatch(f -> f < 1)) {
            throw new CommandLine.ParameterException(cl, "--hidden sizes must be positive and --filters two positive"
                    + " numbers");
        }
    }

    private void run(PrintWriter w) {
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        Rng rng = Rng.seed(seed);
        Dataset.Split split;
        String dataName;
        if (data == null) {
            Dataset all = Spirals.generate(300, 2, 0.03, rng.split());
            split = all.split(0.2, rng.split());
            dataName = "two spirals (generated, " + split.train().size() + " train / " + split.test().size()
                    + " test)";
        } else {
            split = FashionMnist.load(data);
            dataName = data + " (" + split.train().size() + " train / " + split.test().size() + " test)";
            if (limit != null && limit < split.train().size()) {
                split = new Dataset.Split(split.train().range(0, limit), split.test());
                dataName += ", first " + limit + " training examples";
            }
            Normalizer norm = Normalizer.global(split.train());
            split = new Dataset.Split(norm.apply(split.train()), norm.apply(split.test()));
        }
        int classes = (int) split.train().y().max().item() + 1;
        int inputs = split.train().x().dim(1);
        Sequential net;
        if (model == ModelKind.cnn) {
            int side = (int) Math.round(Math.sqrt(inputs));
            if (side * side != inputs || side % 4 != 0) {
                throw new IllegalArgumentException("--model cnn needs square images with a side divisible by 4, got "
                        + inputs + " inputs");
            }
            split = new Dataset.Split(split.train().reshapeInputs(side, side, 1),
                    split.test().reshapeInputs(side, side, 1));
            net = Models.cnn(rng.split(), side, 1, filters[0], filters[1], 128, classes);
        } else {
            int[] h = hidden != null ? hidden : data == null ? new int[] {64, 64} : new int[] {256, 128, 100};
            int[] sizes = new int[h.length + 2];
            sizes[0] = inputs;
            System.arraycopy(h, 0, sizes, 1, h.length);
            sizes[sizes.length - 1] = classes;
            net = Models.mlp(rng.split(), Activation.RELU, sizes);
        }
        net = Params.astype(net, dtype);
        split = new Dataset.Split(split.train().astype(dtype), split.test().astype(dtype));
        int nEpochs = epochs != null ? epochs : data == null ? 30 : 10;
        boolean secondOrder = optimizer == OptimizerKind.lbfgs || optimizer == OptimizerKind.hf;
        int b = batch != null ? batch : secondOrder ? 1000 : data == null ? 32 : 128;
        Optimizer opt = optimizer(data == null, nEpochs * ((split.train().size() + b - 1) / b));
        int done = 0;
        Map<String, Double> settings = settings(b, nEpochs, rate(data == null));
        if (resume != null) {
            TrainingState.Resumed<Sequential> r = TrainingState.load(resume, net, opt);
            checkSettings(r.settings(), settings);
            net = r.params();
            done = r.epoch();
        }
        w.printf(Locale.ROOT, "data:      %s%n", dataName);
        w.printf(Locale.ROOT, "model:     %s, %d parameters, %s%n", describe(net), Params.count(net), dtype);
        w.printf(Locale.ROOT, "optimizer: %s%s, batch %d, %d epochs, seed %d%n", opt.name(),
                cosine ? " (cosine decay)" : "", b, nEpochs, seed);
        w.printf(Locale.ROOT, "BLAS:      %s%n", Blas.name());
        w.printf(Locale.ROOT, "threads:   %d for tensor kernels; BLAS: %s%n", Parallel.threads(), Parallel.blasThreads());
        if (resume != null) {
            w.printf(Locale.ROOT, "resumed:   %s after epoch %d of %d%s%n", resume, done, nEpochs,
                    done >= nEpochs ? ": nothing left to train (raise --epochs to continue)" : "");
        }
        w.flush();
        Writer jsonOut = openJson();
        Trainer trainer = Trainer.classification();
        Trainer.Config config = new Trainer.Config(nEpochs, b, seed, quiet ? null : System.err);
        Trainer.Result<Sequential> result;
        try {
            BiConsumer<Epoch, Sequential> onEpoch = (e, m) -> {
                if (save != null) {
                    TrainingState.save(save, m, opt, e.epoch(), settings);
                }
                w.println(e.summary());
                w.flush();
                if (jsonOut != null) {
                    try {
                        jsonOut.write(e.toJson() + "\n");
                        jsonOut.flush();
                    } catch (IOException ex) {
                        throw new UncheckedIOException("cannot write " + json + ": " + ex.getMessage(), ex);
                    }
                }
            };
            result = spark != null
                    ? SparkRun.fit(spark, partitions, net, split, opt, config, e -> onEpoch.accept(e, null), w)
                    : trainer.fit(net, done, split.train(), split.test(), opt, config, onEpoch);
        } finally {
            close(jsonOut);
        }
        List<Epoch> h = result.history();
        double total = h.stream().mapToDouble(Epoch::seconds).sum();
        double accuracy = h.isEmpty() ? trainer.evaluate(result.model(), split.test())[1]
                : h.get(h.size() - 1).testAccuracy();
        w.printf(Locale.ROOT, "test accuracy %.4f after %d epochs; %.1f s training (%.1f s per epoch)%n",
                accuracy, Math.max(done, nEpochs), total, h.isEmpty() ? 0 : total / h.size());
        if (save != null) {
            if (h.isEmpty()) {
                TrainingState.save(save, result.model(), opt, done, settings);
            }
            w.printf("saved the run to %s (continue it with --resume %s)%n", save, save);
        }
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
            }
            Params.save(result.model(), out.resolve("params.npz"));
            if (h.isEmpty()) {
                w.printf("wrote %s%n", out.resolve("params.npz"));
            } else {
                Plots.learningCurves(h, out.resolve("loss.png"), out.resolve("accuracy.png"),
                        model + " / " + opt.name());
                w.printf("wrote %s, %s, %s%n", out.resolve("params.npz"), out.resolve("loss.png"),
                        out.resolve("accuracy.png"));
            }
        }
        w.flush();
    }

    private void compare(PrintWriter w) {
        int first = epochs != null ? epochs : 150;
        int second = Math.max(1, first / 3);
        w.printf(Locale.ROOT, "8-16-16-1 tanh network, least squares, inputs stretched to condition ~1e7 (seed %d)%n",
                seed);
        w.flush();
        List<OptimizerComparison.Trace> traces = OptimizerComparison.run(seed, first, second, line -> {
            w.println(line);
            w.flush();
        });
        Path dir = out != null ? out : Path.of(".");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Path png = dir.resolve("compare-optimizers.png");
        OptimizerComparison.plot(traces, png);
        if (json != null) {
            StringBuilder sb = new StringBuilder();
            for (OptimizerComparison.Trace t : traces) {
                for (int i = 0; i < t.epochs().length; i++) {
                    sb.append(String.format(Locale.ROOT, "{\"method\": \"%s\", \"epoch\": %d, \"seconds\": %.4f,"
                            + " \"train_loss\": %.6g}%n", t.name(), i, t.seconds()[i], t.loss()[i]));
                }
            }
            try {
                Files.writeString(json, sb.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        w.printf("wrote %s%n", png);
        w.flush();
    }

    /** The options a resumed run must share with the saved one to continue it exactly. */
    private Map<String, Double> settings(int b, int nEpochs, double rate) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (dtype != DType.FLOAT64) {
            m.put("dtype", (double) dtype.bytes());
        }
        if (Math.abs(seed) <= 1L << 53) {
            m.put("seed", (double) seed);
        }
        m.put("batch", (double) b);
        if (optimizer == OptimizerKind.sgd || optimizer == OptimizerKind.adam) {
            m.put("lr", rate);
        }
        m.put("cosine", cosine ? 1.0 : 0.0);
        if (cosine) {
            m.put("epochs", (double) nEpochs);
        }
        return m;
    }

    /** Parses --dtype with DType's own names and message. */
    static final class DTypeConverter implements CommandLine.ITypeConverter<DType> {
        @Override
        public DType convert(String value) {
            return DType.parse(value);
        }
    }

    /** Fails, naming the option and both values, where the run being resumed was started differently. */
    private void checkSettings(Map<String, Double> saved, Map<String, Double> now) {
        List<String> differ = new ArrayList<>();
        for (String k : new TreeSet<>(saved.keySet())) {
            Double v = now.get(k);
            if (!saved.get(k).equals(v)) {
                differ.add("--" + k + " " + show(k, saved.get(k)) + " in the saved run, " + (v == null ? "not given"
                        : show(k, v)) + " now");
            }
        }
        if (saved.isEmpty()) {
            return;
        }
        for (String k : now.keySet()) {
            if (!saved.containsKey(k)) {
                differ.add("--" + k + " " + show(k, now.get(k)) + " now, not given in the saved run");
            }
        }
        if (!differ.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume " + resume + ": the saved run was"
                    + " started with other options, so it would not continue exactly: " + String.join("; ", differ)
                    + " (give the saved run's options)");
        }
    }

    private static String show(String option, double v) {
        if (option.equals("cosine")) {
            return v != 0 ? "on" : "off";
        }
        if (option.equals("dtype")) {
            return v == DType.FLOAT32.bytes() ? DType.FLOAT32.toString() : DType.FLOAT64.toString();
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private double rate(boolean spirals) {
        return lr != null ? lr : optimizer == OptimizerKind.sgd ? 0.05 : spirals ? 0.01 : 1e-3;
    }

    private Optimizer optimizer(boolean spirals, int steps) {
        double rate = rate(spirals);
        Schedule schedule = cosine ? Schedule.cosine(rate, steps, 0) : Schedule.constant(rate);
        switch (optimizer) {
            case sgd:
                return Sgd.of(schedule).nesterov(0.9);
            case lbfgs:
                return Lbfgs.create();
            case hf:
                return HessianFree.create();
            default:
                return Adam.of(schedule);
        }
    }

    private static String describe(Sequential net) {
        StringBuilder sb = new StringBuilder();
        for (Layer l : net.layers()) {
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            String s = l.getClass().getSimpleName();
            if (l instanceof dev.adjoint.nn.layer.Linear) {
                var lin = (dev.adjoint.nn.layer.Linear) l;
                s = "Linear(" + lin.weight().dim(0) + "→" + lin.weight().dim(1) + ")";
            } else if (l instanceof dev.adjoint.nn.layer.Conv2d) {
                var c = (dev.adjoint.nn.layer.Conv2d) l;
                s = "Conv" + c.weight().dim(0) + "x" + c.weight().dim(1) + "(" + c.weight().dim(2) + "→"
                        + c.weight().dim(3) + ")";
            } else if (l instanceof Activation) {
                s = l.toString().toLowerCase(Locale.ROOT);
            } else if (l instanceof dev.adjoint.nn.layer.MaxPool2d) {
                s = "MaxPool" + ((dev.adjoint.nn.layer.MaxPool2d) l).size();
            }
            sb.append(s);
        }
        return sb.toString();
    }

    private Writer openJson() {
        if (json == null) {
            return null;
        }
        try {
            return Files.newBufferedWriter(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
        }
    }

    private static void close(Writer w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
