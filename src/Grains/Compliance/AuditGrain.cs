using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Paging;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>An organisation's audit trail, read and verified. Stateless: the table is the one home of the entries.</summary>
[StatelessWorker]
public sealed class AuditGrain(AuditRepository audit, TimeProvider time) : Grain, IAuditGrain
{
    private Guid OrganizationId => GrainKeys.ParseAudit(this.GetPrimaryKeyString());

    public Task<Page<AuditEntry>> List(AuditQuery query) => audit.List(OrganizationId, query);

    public Task<AuditVerification> Verify(bool full) => audit.Verify(OrganizationId, full, time.GetUtcNow().UtcDateTime);
}
