// The problems the API answers with and their HTTP statuses (no server code: the OpenAPI document and
// the reference page list them too).
/** Every problem the API answers with, and its status. */
export const problemStatus = {
  unauthorized: 401,
  notFound: 404,
  invalidRequest: 400,
  validation: 422,
  previousStepIncomplete: 422,
  notEditable: 409,
  claimIncomplete: 422,
  poeDetailsMissing: 422,
  poeFileRequired: 422,
  duplicateOwnClaim: 409,
  claimChanged: 409,
  empty: 400,
  fileName: 400,
  incomplete: 400,
  fileTooLarge: 413,
  claimTooLarge: 413,
  fileType: 415,
  unsupportedMediaType: 415,
  rateLimited: 429,
  unavailable: 503,
} as const;
export type ProblemCode = keyof typeof problemStatus;
export const problemCodes = Object.keys(problemStatus) as ProblemCode[];

