namespace InventoryProFlow.Contracts.Errors;

/// <summary>The error codes of the API's error envelope (DESIGN.md section 6).</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string InvalidApiKey = "INVALID_API_KEY";
    public const string InvalidSignature = "INVALID_SIGNATURE";
    public const string Forbidden = "FORBIDDEN";
    public const string AccountSuspended = "ACCOUNT_SUSPENDED";
    public const string EmailNotVerified = "EMAIL_NOT_VERIFIED";
    public const string LinkInvalid = "LINK_INVALID";
    public const string LinkExpired = "LINK_EXPIRED";
    public const string LinkUsed = "LINK_USED";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string Conflict = "CONFLICT";
    public const string EmailInUse = "EMAIL_IN_USE";
    public const string DuplicateSku = "DUPLICATE_SKU";
    public const string DuplicateBarcode = "DUPLICATE_BARCODE";
    public const string InvalidBarcode = "INVALID_BARCODE";
    public const string IdempotencyConflict = "IDEMPOTENCY_CONFLICT";
    public const string InsufficientStock = "INSUFFICIENT_STOCK";
    public const string WebhookLimitReached = "WEBHOOK_LIMIT_REACHED";
    public const string PeriodClosed = "PERIOD_CLOSED";
    public const string RateLimited = "RATE_LIMITED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string QueryTimeout = "QUERY_TIMEOUT";
    public const string InternalError = "INTERNAL_ERROR";
}
