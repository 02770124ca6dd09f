// Errors of the sharing formats. Each code names one situation the UI explains in the user's
// language; `detail` carries what that message needs (a version, a limit, the path of a bad field).
// Messages never echo file content: a hostile string must not end up in an error text as markup.

export type ShareErrorCode =
  | 'not_package' // not JSON, or JSON that is not a Radar ES list package
  | 'newer_version' // detail: { version, supported } — "update Radar ES"
  | 'truncated' // the JSON stops in the middle (an interrupted download or copy)
  | 'too_large' // detail: { size, limit }
  | 'invalid'; // our format, but a field is missing or of the wrong type; detail: { path, reason }

export class ShareError extends Error {
  override name = 'ShareError';
  constructor(
    readonly code: ShareErrorCode,
    readonly detail?: Record<string, string | number>,
  ) {
    super(detail ? `${code} ${JSON.stringify(detail)}` : code);
  }
}
