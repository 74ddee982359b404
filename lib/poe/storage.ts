// Azure Blob Storage for proof-of-execution files: the one place that talks to the blob service.
import { Readable } from "node:stream";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { env } from "../env";

let container: ContainerClient | undefined;

/**
 * A few quick retries per blob request, so that with the blob service down an upload fails within
 * seconds (the route answers 503) rather than after the SDK's default of four tries over about half a
 * minute, and as long again to discard what was staged.
 */
const BLOB_RETRY = { maxTries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 2_000 } as const;

export function poeContainer(): ContainerClient {
  const { AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_CONTAINER } = env();
  container ??= BlobServiceClient.fromConnectionString(AZURE_STORAGE_CONNECTION_STRING, { retryOptions: BLOB_RETRY }).getContainerClient(AZURE_STORAGE_CONTAINER);
  return container;
}

/** Creates the private container if it does not exist yet (never with public access). */
export async function ensurePoeContainer() {
  await poeContainer().createIfNotExists();
}

/** Reachability check for the health endpoint. */
export async function pingBlobStorage() {
  await poeContainer().getProperties();
}

const BLOCK_BYTES = 4 * 1024 * 1024;
/** Blocks being sent at once; with the one being filled, memory stays within 4 × 4 MiB per upload. */
const BLOCKS_IN_FLIGHT = 3;
/** A block's body goes out in slices, so its progress tells whether the whole block has left. */
const SLICE_BYTES = 64 * 1024;

type BlockInFlight = { done: Promise<void>; controller: AbortController; handedOver: () => boolean };

/**
 * Streams a file into a new blob, block by block, and commits it. When the source fails (the upload
 * is refused while it is counted) or a block fails, the blocks still being sent are aborted, every
 * block in flight is awaited, and whatever was staged is discarded before this throws: a failed
 * upload leaves no blob, committed or not. (The SDK's uploadStream neither aborts nor awaits its
 * blocks on failure.) A block whose body has already been handed over whole is awaited rather than
 * aborted: the service may stage it even after the client gives up on the response, which would
 * bring the blob back after its removal.
 */
export async function uploadPoeBlob(blobName: string, source: AsyncIterable<Uint8Array>, contentType: string) {
  const blob = poeContainer().getBlockBlobClient(blobName);
  const blockIds: string[] = [];
  const inFlight = new Set<BlockInFlight>();
  let blockFailure: { error: unknown } | undefined;

  const stage = (bytes: Buffer) => {
    // Block ids of one blob must all have the same length.
    const blockId = Buffer.from(String(blockIds.length).padStart(6, "0")).toString("base64");
    blockIds.push(blockId);
    const controller = new AbortController();
    let sent = 0;
    const slices = function* () {
      for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
    };
    const block: BlockInFlight = {
      controller,
      handedOver: () => sent >= bytes.length,
      done: blob
        .stageBlock(blockId, () => Readable.from(slices()), bytes.length, { abortSignal: controller.signal, onProgress: ({ loadedBytes }) => (sent = loadedBytes) })
        .then(
          () => undefined,
          (error: unknown) => {
            blockFailure ??= { error };
          },
        )
        .finally(() => inFlight.delete(block)),
    };
    inFlight.add(block);
  };
  const throwIfBlockFailed = () => {
    if (blockFailure) throw blockFailure.error;
  };
  const settle = () => Promise.all([...inFlight].map((b) => b.done));

  try {
    let block = Buffer.allocUnsafe(BLOCK_BYTES);
    let filled = 0;
    for await (const chunk of source) {
      throwIfBlockFailed();
      for (let read = 0; read < chunk.length; ) {
        const copied = Math.min(chunk.length - read, BLOCK_BYTES - filled);
        block.set(chunk.subarray(read, read + copied), filled);
        filled += copied;
        read += copied;
        if (filled < BLOCK_BYTES) continue;
        while (inFlight.size >= BLOCKS_IN_FLIGHT) await Promise.race([...inFlight].map((b) => b.done));
        throwIfBlockFailed();
        stage(block);
        block = Buffer.allocUnsafe(BLOCK_BYTES);
        filled = 0;
      }
    }
    if (filled > 0) stage(block.subarray(0, filled));
    await settle();
    throwIfBlockFailed();
    await blob.commitBlockList(blockIds, { blobHTTPHeaders: { blobContentType: contentType, blobContentDisposition: "attachment" } });
  } catch (error) {
    for (const block of inFlight) if (!block.handedOver()) block.controller.abort();
    await settle();
    await deletePoeBlob(blobName);
    throw error;
  }
}

/**
 * Deletes a blob if it is there, committed or not; never throws (the orphan sweep retries what this
 * misses). Committing an empty block list first discards every uncommitted block at once (Azure would
 * keep them up to 7 days) and leaves an empty committed blob, which the delete then removes.
 */
export async function deletePoeBlob(blobName: string) {
  const blob = poeContainer().getBlockBlobClient(blobName);
  try {
    await blob.commitBlockList([]);
    await blob.deleteIfExists();
  } catch (error) {
    console.error(`Could not delete blob ${blobName}:`, error instanceof Error ? error.message : error);
  }
}

/** The blob's content as a Node stream. */
export async function downloadPoeBlob(blobName: string) {
  const response = await poeContainer().getBlobClient(blobName).download();
  if (!response.readableStreamBody) throw new Error(`Blob ${blobName} has no body`);
  return response.readableStreamBody as Readable;
}

/**
 * Every blob name under a prefix last modified before a moment, in pages, including blobs that have only
 * uncommitted blocks (an upload cut off before its commit). One without a modification time is left to
 * Azure's own removal of uncommitted blocks.
 */
export async function* listPoeBlobs(prefix: string, olderThan: Date) {
  for await (const page of poeContainer().listBlobsFlat({ prefix, includeUncommitedBlobs: true }).byPage({ maxPageSize: 500 })) {
    yield page.segment.blobItems.filter((b) => (b.properties.lastModified?.getTime() ?? Infinity) < olderThan.getTime()).map((b) => b.name);
  }
}
