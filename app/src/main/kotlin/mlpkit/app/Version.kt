package mlpkit.app

import java.util.Properties

/** Where Maven's resource filtering writes `version=${project.version}` at build time. */
private const val VERSION_RESOURCE = "/mlpkit/app/version.properties"

/**
 * The version of mlp this jar was built as, e.g. `0.1.0-SNAPSHOT`; `unknown` when the classes run
 * without Maven's filtered resources (e.g. straight from an IDE build), rather than showing the
 * unexpanded placeholder.
 */
fun mlpVersion(): String {
    val properties = Properties()
    val stream = object {}.javaClass.getResourceAsStream(VERSION_RESOURCE) ?: return "unknown"
    stream.use { properties.load(it) }
    val version = properties.getProperty("version")?.trim()
    return if (version.isNullOrEmpty() || version.startsWith("\${")) "unknown" else version
}
