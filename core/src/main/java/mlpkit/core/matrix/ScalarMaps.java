package mlpkit.core.matrix;

/** The portable bias broadcast and column sums, entry by entry; {@link VectorMaps} gives the same bits. */
final class ScalarMaps implements MapKernel {
    static final ScalarMaps INSTANCE = new ScalarMaps();

    private ScalarMaps() {
    }
    @Override
    public void addRowVector(double[] m, int mo, int rows, int cols, double[] v, int vo) {
        for (int i = 0; i < rows; i++) {
            int r = mo + i * cols;
            for (int j = 0; j < cols; j++) {
                m[r + j] += v[vo + j];
            }
        }
    }

    @Override
    public void addColumnSums(double[] m, int mo, int rows, int cols, double[] out, int oo) {
        for (int i = 0; i < rows; i++) {
            int r = mo + i * cols;
            for (int j = 0; j < cols; j++) {
                out[oo + j] += m[r + j];
            }
        }
    }

    /** None: the table lookup {@link ByteScaling} does itself is the portable conversion. */
    @Override
    public int scaleBytes(byte[] from, int start, double[] to, int at, int count, double subtract, double divide, double reciprocal, double add) {
        return 0;
    }
}
