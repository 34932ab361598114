namespace InventoryProFlow.Contracts.Operations;

/// <summary>Answers readiness from inside the silo: proves the silo serves calls and reaches the database.</summary>
public interface IHealthGrain : IGrainWithStringKey
{
    Task<bool> DatabaseReachable();
}
