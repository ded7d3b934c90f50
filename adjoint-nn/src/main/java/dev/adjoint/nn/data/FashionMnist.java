package dev.adjoint.nn.data;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MNIST-style data sets (Fashion-MNIST, MNIST) from a directory holding the four IDX files
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}). Debian's {@code dataset-fashion-mnist}
 * puts them in {@code /usr/share/datasets/fashion-mnist}. Images come as {@code [N, 784]} values in [0, 1].
 */
public final class FashionMnist {

    /** Where Debian's package installs the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class names of Fashion-MNIST, by label. */
    public static final String[] CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {
    }

    /** The training set (60 000 images) and the test set (10 000). */
    public static Dataset.Split load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IdxException(dir + ": no such directory (expected the four MNIST-format IDX files; on Debian:"
                    + " apt-get install dataset-fashion-mnist, then --data " + DEBIAN_DIR + ")");
        }
        return new Dataset.Split(pair(dir, "train"), pair(dir, "t10k"));
    }

    private static Dataset pair(Path dir, String prefix) {
        NdArray images = Idx.read(Idx.find(dir, prefix + "-images-idx3-ubyte"));
        NdArray labels = Idx.read(Idx.find(dir, prefix + "-labels-idx1-ubyte"));
        Shape s = images.shape();
        if (s.rank() != 3) {
            throw new IdxException(dir + "/" + prefix + "-images: expected images of rank 3 [N, rows, cols], found "
                    + s);
        }
        if (labels.shape().rank() != 1 || labels.shape().dim(0) != s.dim(0)) {
            throw new IdxException(dir + "/" + prefix + "-labels: expected " + s.dim(0) + " labels (one per image),"
                    + " found shape " + labels.shape());
        }
        double[] d = images.toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] /= 255.0;
        }
        Tensor x = Tensor.of(NdArray.adopt(Shape.of(s.dim(0), s.dim(1) * s.dim(2)), d));
        return new Dataset(x, Tensor.of(labels));
    }
}
