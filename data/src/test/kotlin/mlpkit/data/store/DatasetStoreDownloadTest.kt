package mlpkit.data.store

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import mlpkit.data.idx.IdxWriter
import mlpkit.data.idx.PixelScaling
import mlpkit.data.idx.TestImageSets
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.io.IOException
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.URI
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.Collections
import java.util.concurrent.TimeUnit

/**
 * The download path against a local HTTP server on 127.0.0.1 (ephemeral port, stopped after each
 * test) that serves small generated IDX files, intact, corrupt, cut off or not at all.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatasetStoreDownloadTest {
    @TempDir
    lateinit var root: Path

    private lateinit var server: HttpServer
    private val routes = Collections.synchronizedMap(mutableMapOf<String, (HttpExchange) -> Unit>())
    private val requests = Collections.synchronizedList(mutableListOf<String>())
    private val progress = Collections.synchronizedList(mutableListOf<String>())

    private val home get() = root.resolve("home")
    private val cacheTiny get() = home.resolve(".cache/mlpkit/datasets/tiny")

    @BeforeEach
    fun startServer() {
        server = HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext("/") { exchange ->
            exchange.use {
                requests += it.requestURI.path
                val route = routes[it.requestURI.path]
                if (route == null) it.sendResponseHeaders(404, -1) else route(it)
            }
        }
        server.start()
    }

    @AfterEach
    fun stopServer() = server.stop(0)

    private fun mirror(path: String) = URI("http://127.0.0.1:${server.address.port}$path")

    private fun serve(path: String, body: ByteArray) {
        routes[path] = { it.sendResponseHeaders(200, body.size.toLong()); it.responseBody.write(body) }
    }

    /** Serves the tiny set's intact files under [prefix]. */
    private fun serveAll(prefix: String) {
        for (name in listOf("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            serve("$prefix$name", TinyImageSet.gzipped(name))
        }
    }

    private fun store(dataDir: Path? = null) = DatasetStore(
        StoreEnvironment(dataDir, home),
        MirrorDownloader(
            MirrorDownloader.defaultClient(),
            responseTimeout = Duration.ofSeconds(10),
            downloadTimeout = Duration.ofSeconds(20),
            progress = { progress += it },
        ),
    )

    private fun listing(dir: Path): List<String> =
        if (Files.isDirectory(dir)) Files.list(dir).use { s -> s.map { it.fileName.toString() }.sorted().toList() } else emptyList()

    @Test
    fun `a good download is stored under its name in the cache and loaded`() {
        serveAll("/a/")
        val set = TinyImageSet.files(mirrors = listOf(mirror("/a/")))

        val train = store().load(set, train = true, scaling = PixelScaling.RAW)

        assertEquals("tiny-train", train.name)
        assertArrayEquals(intArrayOf(0, 1, 2, 1), train.classLabels.labels)
        // image 3: pixel p = 93 + 7p
        assertArrayEquals(doubleArrayOf(93.0, 100.0, 107.0, 114.0), train.features.row(3), 0.0)
        assertEquals(listOf("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), listing(cacheTiny))
        assertArrayEquals(TinyImageSet.gzipped("train-images-idx3-ubyte.gz"), Files.readAllBytes(cacheTiny.resolve("train-images-idx3-ubyte.gz")))
        // A second load finds the stored files and asks the server nothing.
        store().load(set, train = true)
        assertEquals(listOf("/a/train-images-idx3-ubyte.gz", "/a/train-labels-idx1-ubyte.gz"), requests)
    }

    @Test
    fun `with MLP_DATA_DIR set the download goes there, and files already there are not fetched again`() {
        serveAll("/a/")
        val dataDir = root.resolve("data")
        TinyImageSet.installInto(dataDir.resolve("tiny"), only = setOf("t10k-labels-idx1-ubyte.gz"))
        val set = TinyImageSet.files(mirrors = listOf(mirror("/a/")))

        val test = store(dataDir).load(set, train = false)

        assertEquals(2, test.size)
        assertEquals(listOf("/a/t10k-images-idx3-ubyte.gz"), requests)
        assertEquals(listOf("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"), listing(dataDir.resolve("tiny")))
        assertEquals(emptyList<String>(), listing(cacheTiny))
    }

    @Test
    fun `a corrupt download fails its checksum with both digests and leaves nothing behind`() {
        serveAll("/a/")
        val wrong = IdxWriter.toBytes(TestImageSets.images(4, 2, 2, salt = 1))
        serve("/a/train-images-idx3-ubyte.gz", wrong)
        val set = TinyImageSet.files(mirrors = listOf(mirror("/a/")))

        val error = assertThrows<DatasetUnavailableException> { store().load(set, train = true) }

        val message = error.message!!
        assertTrue(
            message.contains(
                "  train-images-idx3-ubyte.gz from ${mirror("/a/train-images-idx3-ubyte.gz")}: checksum mismatch: " +
                    "SHA-256 of the payload is ${TestImageSets.sha256(wrong)}, expected ${set.trainImages.payloadSha256}; " +
                    "the downloaded file was deleted",
            ),
            message,
        )
        // The labels were fine and stay; the images left no file, not even a temporary one.
        assertEquals(listOf("train-labels-idx1-ubyte.gz"), listing(cacheTiny))
    }

    @Test
    fun `a connection closed before the announced length is an error and leaves nothing behind`() {
        val whole = TinyImageSet.gzipped("train-images-idx3-ubyte.gz")
        CutOffServer(announced = whole.size, body = whole.copyOf(whole.size / 2)).use { cutOff ->
            val set = TinyImageSet.files(mirrors = listOf(cutOff.base))

            val error = assertThrows<DatasetUnavailableException> { store().load(set, train = true) }

            val message = error.message!!
            assertTrue(message.contains("train-images-idx3-ubyte.gz from ${cutOff.base.resolve("train-images-idx3-ubyte.gz")}: the transfer broke off"), message)
            assertTrue(message.contains("nothing was stored"), message)
            assertEquals(emptyList<String>(), listing(cacheTiny))
        }
    }

    @Test
    fun `a complete response with a short body is caught by the gzip check and leaves nothing behind`() {
        val whole = TinyImageSet.gzipped("t10k-images-idx3-ubyte.gz")
        serve("/a/t10k-images-idx3-ubyte.gz", whole.copyOf(whole.size - 10))
        serve("/a/t10k-labels-idx1-ubyte.gz", TinyImageSet.gzipped("t10k-labels-idx1-ubyte.gz"))
        val set = TinyImageSet.files(mirrors = listOf(mirror("/a/")))

        val error = assertThrows<DatasetUnavailableException> { store().load(set, train = false) }

        val message = error.message!!
        assertTrue(message.contains("t10k-images-idx3-ubyte.gz from ${mirror("/a/t10k-images-idx3-ubyte.gz")}: the body is not a complete gzip stream"), message)
        assertEquals(listOf("t10k-labels-idx1-ubyte.gz"), listing(cacheTiny))
    }

    @Test
    fun `a 404 on the first mirror falls through to the second`() {
        serveAll("/second/")
        val set = TinyImageSet.files(mirrors = listOf(mirror("/first/"), mirror("/second/")))

        val train = store().load(set, train = true)

        assertEquals(4, train.size)
        assertEquals(
            listOf("/first/train-images-idx3-ubyte.gz", "/second/train-images-idx3-ubyte.gz", "/first/train-labels-idx1-ubyte.gz", "/second/train-labels-idx1-ubyte.gz"),
            requests,
        )
        assertTrue(progress.contains("failed: ${mirror("/first/train-images-idx3-ubyte.gz")}: HTTP 404"), progress.toString())
        assertEquals(listOf("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), listing(cacheTiny))
    }

    @Test
    fun `offline the error lists every place it looked, every mirror, and how to install`() {
        val closedPort = ServerSocket(0, 1, InetAddress.getLoopbackAddress()).use { it.localPort }
        val nowhere = URI("http://127.0.0.1:$closedPort/mirror/")
        val system = root.resolve("usr/share/datasets/tiny")
        val set = TinyImageSet.files(mirrors = listOf(nowhere), systemLocations = listOf(SearchLocation(system, "test package")))
        val dataDir = root.resolve("data")

        val error = assertThrows<DatasetUnavailableException> { store(dataDir).load(set, train = true) }

        val lines = error.message!!.lines()
        assertEquals("Tiny training set not found on this machine, and not downloaded.", lines[0])
        assertTrue(lines.contains("  ${dataDir.resolve("tiny")} (MLP_DATA_DIR): no such directory"), lines.toString())
        assertTrue(lines.contains("  $cacheTiny (user cache): no such directory"), lines.toString())
        assertTrue(lines.contains("  $system (test package): no such directory"), lines.toString())
        for (name in listOf("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")) {
            val line = lines.single { it.startsWith("  $name from ${nowhere.resolve(name)}: ") }
            assertTrue(line.contains("cannot connect") && line.endsWith("offline or the mirror is down"), line)
        }
        assertTrue(lines.any { it.contains("scripts/install-datasets.sh") }, lines.toString())
        assertTrue(lines.contains("  - apt-get install tiny-images;"), lines.toString())
        assertTrue(lines.contains("  - copy the four files into ${dataDir.resolve("tiny")}/ and set MLP_DATA_DIR=$dataDir;"), lines.toString())
        assertEquals(emptyList<String>(), listing(dataDir.resolve("tiny")))
    }

    /**
     * Answers every request with `200`, a Content-Length of [announced] and only [body], then closes
     * the connection: what a dropped download looks like. Serves at most 4 connections and stops
     * accepting after 20 s, so a failing test cannot hang on it.
     */
    private class CutOffServer(announced: Int, body: ByteArray) : AutoCloseable {
        private val socket = ServerSocket(0, 4, InetAddress.getLoopbackAddress()).apply { soTimeout = 20_000 }
        val base = URI("http://127.0.0.1:${socket.localPort}/cut/")
        private val thread = Thread {
            repeat(4) {
                val connection = try { socket.accept() } catch (e: IOException) { return@Thread }
                connection.use { c ->
                    val reader = c.getInputStream().bufferedReader(Charsets.ISO_8859_1)
                    while (reader.readLine()?.isNotEmpty() == true) { /* skip the request head */ }
                    val out = c.getOutputStream()
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: $announced\r\nConnection: close\r\n\r\n".toByteArray(Charsets.ISO_8859_1))
                    out.write(body)
                    out.flush()
                }
            }
        }.apply { isDaemon = true; start() }

        override fun close() {
            socket.close()
            thread.join(5_000)
        }
    }
}
