// Azure Blob Storage for proof-of-execution files: the one place that talks to the blob service.
import type { Readable } from "node:stream";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { env } from "../env";

let container: ContainerClient | undefined;

export function poeContainer(): ContainerClient {
  const { AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_CONTAINER } = env();
  container ??= BlobServiceClient.fromConnectionString(AZURE_STORAGE_CONNECTION_STRING).getContainerClient(AZURE_STORAGE_CONTAINER);
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

/** Streams a file into a new blob; memory stays within the SDK's buffers (4 × 4 MB). */
export async function uploadPoeBlob(blobName: string, source: Readable, contentType: string) {
  await poeContainer()
    .getBlockBlobClient(blobName)
    .uploadStream(source, 4 * 1024 * 1024, 4, { blobHTTPHeaders: { blobContentType: contentType, blobContentDisposition: "attachment" } });
}

/** Deletes a blob if it is there; never throws (the orphan sweep retries what this misses). */
export async function deletePoeBlob(blobName: string) {
  try {
    await poeContainer().getBlockBlobClient(blobName).deleteIfExists();
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

/** Every blob name under a prefix older than a moment, in pages. */
export async function* listPoeBlobs(prefix: string, olderThan: Date) {
  for await (const page of poeContainer().listBlobsFlat({ prefix }).byPage({ maxPageSize: 500 })) {
    yield page.segment.blobItems.filter((b) => (b.properties.lastModified?.getTime() ?? 0) < olderThan.getTime()).map((b) => b.name);
  }
}
