package mlpkit.app

import java.nio.file.Path
import mlpkit.data.csv.CsvHeaderSwitch
import mlpkit.dsl.resolve.DataResolver

/**
 * The [DataResolver] of the experiment in [file]: paths relative to the file's directory, problems naming
 * the file, and advice about a CSV source's header in the file's own words (`"header": true` in a JSON
 * config, `header = true` in a script).
 */
internal fun experimentDataResolver(file: Path): DataResolver = DataResolver(
    baseDirectory = file.toAbsolutePath().parent,
    experimentFile = file.toString(),
    csvHeaderSwitch = if (file.fileName.toString().endsWith(".json")) DataResolver.JSON_CSV_HEADER else CsvHeaderSwitch.PARAMETER,
)
