package mlpkit.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import mlpkit.core.distributed.RemoteTask;
import org.apache.spark.api.java.function.Function2;

/**
 * Runs a {@link RemoteTask}, named by class, on the inputs of one partition (one input per partition, so the
 * partition's index is the input's), on an executor. A failure is caught and returned as the outcome, so that the
 * driver can name the failing input instead of Spark retrying or reporting a task number.
 */
final class RemoteTaskRun implements Function2<Integer, Iterator<String>, Iterator<String[]>> {
    private static final long serialVersionUID = 1L;

    /** First entry of an outcome that succeeded; the second entry is then the result, else the failure. */
    static final String OK = "ok";
    static final String FAILED = "failed";

    private final String taskClass;

    RemoteTaskRun(String taskClass) {
        this.taskClass = taskClass;
    }

    @Override
    public Iterator<String[]> call(Integer partition, Iterator<String> inputs) {
        List<String[]> outcomes = new ArrayList<>(1);
        while (inputs.hasNext()) {
            String input = inputs.next();
            try {
                RemoteTask task = Class.forName(taskClass, true, Thread.currentThread().getContextClassLoader())
                        .asSubclass(RemoteTask.class).getDeclaredConstructor().newInstance();
                outcomes.add(new String[] {OK, task.run(input)});
            } catch (ReflectiveOperationException e) {
                outcomes.add(new String[] {FAILED, "cannot create " + taskClass + " on the executor (" + e
                        + "): it must be a public class with a public no-argument constructor, on the executors' class path"});
            } catch (Exception e) {
                outcomes.add(new String[] {FAILED, e.getMessage() == null ? e.toString() : e.getMessage()});
            }
        }
        return outcomes.iterator();
    }
}
