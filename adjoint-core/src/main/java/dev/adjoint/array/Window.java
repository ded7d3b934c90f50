package dev.adjoint.array;

/**
 * Where a 2-d sliding window goes over channels-last images {@code [N, height, width, C]}: a kh × kw window with
 * stride (sh, sw), zero padding (ph, pw) on both sides and dilation (dh, dw). Output position (oy, ox) and window
 * offset (i, j) read input row oy·sh − ph + i·dh and column ox·sw − pw + j·dw; the output has
 * ⌊(height + 2ph − dh(kh − 1) − 1)/sh⌋ + 1 rows.
 */
public record Window(int height, int width, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {

    /** Checks that the numbers make sense and the window fits. */
    public Window {
        if (height < 1 || width < 1 || kh < 1 || kw < 1 || sh < 1 || sw < 1 || ph < 0 || pw < 0 || dh < 1
                || dw < 1) {
            throw new IllegalArgumentException("window " + describe(height, width, kh, kw, sh, sw, ph, pw, dh, dw)
                    + ": need positive sizes, strides and dilations and padding ≥ 0");
        }
        if (out(height, kh, sh, ph, dh) < 1 || out(width, kw, sw, pw, dw) < 1) {
            throw new IllegalArgumentException("window " + describe(height, width, kh, kw, sh, sw, ph, pw, dh, dw)
                    + " does not fit in the padded image");
        }
    }

    /** A square k × k window with the same stride, padding and dilation on both axes. */
    public static Window square(int height, int width, int k, int stride, int padding, int dilation) {
        return new Window(height, width, k, k, stride, stride, padding, padding, dilation, dilation);
    }

    private static int out(int n, int k, int s, int p, int d) {
        return Math.floorDiv(n + 2 * p - d * (k - 1) - 1, s) + 1;
    }

    /** The number of output rows. */
    public int outHeight() {
        return out(height, kh, sh, ph, dh);
    }

    /** The number of output columns. */
    public int outWidth() {
        return out(width, kw, sw, pw, dw);
    }

    /** The number of window positions per image, outHeight · outWidth. */
    public int positions() {
        return outHeight() * outWidth();
    }

    /**
     * The pixels each output position reads: for position p (row-major over the output) and window offset t
     * (row-major over kh × kw), entry {@code p·kh·kw + t} is the pixel {@code iy·width + ix}, or −1 where the window
     * lies on the padding. Pooling kernels walk this table instead of repeating the window arithmetic.
     */
    public int[] taps() {
        int oh = outHeight();
        int ow = outWidth();
        int[] taps = new int[oh * ow * kh * kw];
        int t = 0;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int i = 0; i < kh; i++) {
                    int iy = oy * sh - ph + i * dh;
                    for (int j = 0; j < kw; j++) {
                        int ix = ox * sw - pw + j * dw;
                        taps[t++] = iy >= 0 && iy < height && ix >= 0 && ix < width ? iy * width + ix : -1;
                    }
                }
            }
        }
        return taps;
    }

    /** The image shape {@code [n, height, width, c]}. */
    public Shape image(int n, int c) {
        return Shape.of(n, height, width, c);
    }

    /** The output shape {@code [n, outHeight, outWidth, c]}. */
    public Shape output(int n, int c) {
        return Shape.of(n, outHeight(), outWidth(), c);
    }

    /** Whether {@code s} is {@code [N, height, width, C]}. */
    public boolean fitsImage(Shape s) {
        return s.rank() == 4 && s.dim(1) == height && s.dim(2) == width;
    }

    /** Whether {@code s} is {@code [N, outHeight, outWidth, C]}. */
    public boolean fitsOutput(Shape s) {
        return s.rank() == 4 && s.dim(1) == outHeight() && s.dim(2) == outWidth();
    }

    private static String describe(int h, int w, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        return kh + "×" + kw + " stride " + sh + "," + sw + " padding " + ph + "," + pw + " dilation " + dh + "," + dw
                + " over " + h + "×" + w;
    }

    @Override
    public String toString() {
        return describe(height, width, kh, kw, sh, sw, ph, pw, dh, dw);
    }
}
