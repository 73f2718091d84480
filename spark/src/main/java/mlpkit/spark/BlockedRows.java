package mlpkit.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A partition's rows, each returned with values appended, worked out a block at a time: up to {@code block} rows are
 * read ({@link #read}), the block is worked on at once ({@link #compute}), then each of its rows is returned with
 * {@link #appended} after its own fields. Never more than one block of rows in memory. Messages place a row as
 * {@link #source}{@code :line}, the line counted from 1 within the partition.
 */
abstract class BlockedRows implements Iterator<Row> {
    /** {@code Dataset partition P}, for messages. */
    protected final String source = "Dataset partition " + TaskContext.getPartitionId();
    private final Iterator<Row> input;
    private final int block;
    private final List<Row> rows;
    private int next;
    private long seen;

    BlockedRows(Iterator<Row> input, int block) {
        this.input = input;
        this.block = block;
        this.rows = new ArrayList<>(block);
    }

    /** Reads {@code row}, the block's {@code index}-th (from 0) and the partition's {@code line}-th (from 1). */
    abstract void read(Row row, int index, long line);

    /** Works on the block's {@code count} rows, all read. */
    abstract void compute(int count);

    /** The values appended to the block's {@code index}-th row. */
    abstract Object[] appended(int index);

    @Override
    public final boolean hasNext() {
        if (next < rows.size()) {
            return true;
        }
        rows.clear();
        next = 0;
        while (rows.size() < block && input.hasNext()) {
            Row row = input.next();
            read(row, rows.size(), ++seen);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return false;
        }
        compute(rows.size());
        return true;
    }

    @Override
    public final Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in " + source);
        }
        Row row = rows.get(next);
        Object[] extra = appended(next++);
        Object[] values = new Object[row.length() + extra.length];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        System.arraycopy(extra, 0, values, row.length(), extra.length);
        return RowFactory.create(values);
    }
}
