// Azure Blob Storage for proof-of-execution files: the one place that talks to the blob service.
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
