package fr.infocentre.etl.warehouse;

import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One load at a time: an exclusive lock on {@code <warehouse>/.lock}, which names its holder
 * (process, host, start, extract). The operating system releases it when the holder dies, even by
 * {@code kill -9}, so a killed load never blocks the next one; that one then sweeps what the killed
 * one left ({@link StagedVersion#sweep}).
 */
public final class WarehouseLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the warehouse's lock.
     *
     * @param what what the holder does, written into the lock file for whoever finds it taken
     * @throws ExtractRefused naming the holder when another load holds it
     */
    public static WarehouseLock acquire(Path warehouse, String what) {
        Path file = warehouse.resolve(WarehouseFormat.LOCK);
        try {
            Files.createDirectories(warehouse);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new ExtractRefused("another load holds the warehouse " + warehouse + " ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "): one load at a time — nothing loaded");
            }
            channel.truncate(0);
            String holder = "process " + ManagementFactory.getRuntimeMXBean().getName() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + what + "\n";
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new WarehouseLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the warehouse's lock", e);
        }
    }
}
