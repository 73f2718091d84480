package mlpkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SubmittedMasterTest {
    @Test
    void withoutSparkSubmitTheExperimentsMasterIsUsed() {
        assertEquals("local[2]", SubmittedMaster.choose("local[2]", null));
        assertEquals("spark://host:7077", SubmittedMaster.choose("spark://host:7077", " "));
    }

    @Test
    void sparkSubmitsMasterReplacesTheExperimentsMaster() {
        assertEquals("yarn", SubmittedMaster.choose("local[2]", "yarn"));
        assertEquals("spark://a:7077", SubmittedMaster.choose(SubmittedMaster.SUBMIT, " spark://a:7077 "));
    }

    @Test
    void theMasterSubmitWithoutSparkSubmitIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubmittedMaster.choose("submit", null));
        assertEquals("the master 'submit' expected the master spark-submit sets (system property spark.master), got none: "
                + "run under spark-submit --master URL, or name a master such as local[2]", e.getMessage());
    }
}
