namespace InventoryProFlow.Contracts.Errors;

/// <summary>One field's problem, listed in the error envelope's <c>details</c>.</summary>
[GenerateSerializer, Immutable, Alias("ipf.FieldError.v1")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message);
