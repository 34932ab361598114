using InventoryProFlow.Api.Hosting;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>The operationIds an endpoint gets without a .WithName: read from its method and route, the same every time.</summary>
public sealed class OperationIdTests
{
    [Theory]
    [InlineData("GET", "api/v1/products", true, "listProducts")]
    [InlineData("GET", "api/v1/analytics/sales", false, "getAnalyticsSales")]
    [InlineData("POST", "api/v1/products", false, "createProduct")]
    [InlineData("GET", "api/v1/products/{id}", false, "getProduct")]
    [InlineData("PUT", "api/v1/products/{id}", false, "updateProduct")]
    [InlineData("PATCH", "api/v1/inventory/items/{id}", false, "updateInventoryItem")]
    [InlineData("DELETE", "api/v1/serving-sizes/{id}", false, "deleteServingSize")]
    [InlineData("POST", "api/v1/count-sessions/{id}/complete", false, "completeCountSession")]
    [InlineData("POST", "api/v1/webhooks/{id}/deliveries/{eventId}/redeliver", false, "redeliverWebhookDelivery")]
    [InlineData("PUT", "api/v1/count-sessions/{id}/lines", false, "updateCountSessionLines")]
    [InlineData("GET", "api/v1/integrations/clients", true, "listIntegrationClients")]
    [InlineData("POST", "api/v1/compliance/licenses", false, "createComplianceLicense")]
    [InlineData("GET", "api/v1/compliance/status", false, "getComplianceStatus")]
    [InlineData("GET", "api/v1/webhooks/{id}/deliveries", true, "listWebhookDeliveries")]
    [InlineData("POST", "api/v1/inventory/batches", false, "createInventoryBatch")]
    public void A_route_without_a_name_gets_one_from_its_method_and_path(string method, string path, bool paged, string expected) =>
        Assert.Equal(expected, OperationIds.Derive(method, path, paged));
}
