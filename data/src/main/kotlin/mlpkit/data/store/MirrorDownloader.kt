package mlpkit.data.store

import mlpkit.data.io.TemporaryFiles
import java.io.IOException
import java.net.ConnectException
import java.net.URI
import java.net.UnknownHostException
import java.net.http.HttpClient
import java.net.http.HttpConnectTimeoutException
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.net.http.HttpTimeoutException
import java.nio.file.FileSystemException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.time.Duration
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.concurrent.atomic.AtomicReference

/**
 * Downloads data files from mirrors, tried in order, and stores one only once its payload digest is
 * right: the body goes to a hidden temporary file in the target directory, is verified, then renamed
 * atomically to its real name. An interrupted or failed download therefore never leaves a file under
 * the real name, and a failed one deletes its temporary file (a killed one: see [TemporaryFiles]).
 *
 * @param client the HTTP client (its connect timeout bounds unreachable mirrors).
 * @param responseTimeout how long to wait for a mirror's response headers.
 * @param downloadTimeout how long one whole file may take before it is abandoned.
 * @param progress receives one line per download start and result (e.g. for the CLI's stderr).
 */
class MirrorDownloader(
    private val client: HttpClient,
    private val responseTimeout: Duration = Duration.ofSeconds(60),
    private val downloadTimeout: Duration = Duration.ofMinutes(10),
    private val progress: (String) -> Unit = {},
) {
    /**
     * Downloads [file] from the first of [mirrors] that serves it with the right digest into
     * [directory] (created when a mirror answers) and returns its path; throws [DownloadFailedException] with
     * every mirror's reason otherwise.
     */
    fun download(file: DatasetFile, mirrors: List<URI>, directory: Path): Path {
        val attempts = mutableListOf<String>()
        for (mirror in mirrors) {
            val url = mirror.resolve(file.name)
            progress("downloading $url")
            try {
                val stored = downloadFrom(url, file, directory)
                progress("stored $stored (SHA-256 of payload verified)")
                return stored
            } catch (failure: MirrorFailure) {
                progress("failed: $url: ${failure.message}")
                attempts += "$url: ${failure.message}"
            }
        }
        if (mirrors.isEmpty()) attempts += "no mirror is configured"
        throw DownloadFailedException(file.name, attempts)
    }

    private fun downloadFrom(url: URI, file: DatasetFile, directory: Path): Path {
        // Created only once the mirror answers 200, so an unreachable mirror leaves no directory or file;
        // in the target directory, so the final move is a rename on one file system.
        val temporary = AtomicReference<Path?>()
        try {
            val request = HttpRequest.newBuilder(url).timeout(responseTimeout).GET().build()
            val pending = client.sendAsync(request) { info ->
                if (info.statusCode() == 200) {
                    Files.createDirectories(directory)
                    val part = TemporaryFiles.create(directory.resolve(file.name))
                    temporary.set(part)
                    HttpResponse.BodySubscribers.ofFile(part)
                } else {
                    HttpResponse.BodySubscribers.replacing(null)
                }
            }
            val response = try {
                pending.get(downloadTimeout.toMillis(), TimeUnit.MILLISECONDS)
            } catch (e: TimeoutException) {
                pending.cancel(true)
                throw MirrorFailure("not complete within $downloadTimeout; giving up on this mirror")
            } catch (e: InterruptedException) {
                pending.cancel(true)
                Thread.currentThread().interrupt()
                throw IOException("download of $url interrupted", e)
            } catch (e: ExecutionException) {
                throw MirrorFailure(describe(e.cause ?: e))
            }
            if (response.statusCode() != 200) throw MirrorFailure("HTTP ${response.statusCode()}")
            val downloaded = response.body() ?: throw MirrorFailure("HTTP 200 without a body")
            val actual = try {
                PayloadDigest.sha256(downloaded)
            } catch (e: IOException) {
                throw MirrorFailure("the body is not a complete gzip stream (${e.message}): the download was cut off or corrupt; nothing was stored")
            }
            if (actual != file.payloadSha256) {
                throw MirrorFailure(
                    "checksum mismatch: SHA-256 of the payload is $actual, expected ${file.payloadSha256}; " +
                        "the downloaded file was deleted",
                )
            }
            val target = directory.resolve(file.name)
            Files.move(downloaded, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
            return target
        } finally {
            temporary.get()?.let(TemporaryFiles::release)
        }
    }

    /** Why a request failed, in words a user can act on. */
    private fun describe(error: Throwable): String {
        val chain = generateSequence(error) { it.cause }.toList()
        chain.filterIsInstance<FileSystemException>().firstOrNull()?.let {
            return "cannot write the download (${it.javaClass.simpleName}: ${it.message}): check that the data directory is writable"
        }
        chain.filterIsInstance<UnknownHostException>().firstOrNull()?.let {
            return "unknown host ${it.message ?: ""} (offline, or no DNS)".replace("  ", " ")
        }
        chain.filterIsInstance<HttpConnectTimeoutException>().firstOrNull()?.let { return "connection timed out" }
        chain.filterIsInstance<HttpTimeoutException>().firstOrNull()?.let {
            return "no response within $responseTimeout"
        }
        chain.filterIsInstance<ConnectException>().firstOrNull()?.let {
            return "cannot connect (${it.message ?: "connection refused"}): offline or the mirror is down"
        }
        return "the transfer broke off (${error.javaClass.simpleName}: ${error.message}); nothing was stored"
    }

    private class MirrorFailure(reason: String) : Exception(reason)

    companion object {
        /** An HTTP/1.1 client with a 20 s connect timeout that follows redirects (but not https → http). */
        fun defaultClient(): HttpClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
    }
}
