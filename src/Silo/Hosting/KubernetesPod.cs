using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// Whether this silo runs in a Kubernetes pod: the kubelet sets KUBERNETES_SERVICE_HOST in every container, and
/// deploy/k8s/silo.yaml passes POD_NAME, POD_NAMESPACE and POD_IP from the downward API. Only then does the silo use
/// Microsoft.Orleans.Hosting.Kubernetes (pod IP as its address, pod name as silo name, dead silos' pods watched).
/// </summary>
public static class KubernetesPod
{
    public static bool Detected(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["KUBERNETES_SERVICE_HOST"])
        && !string.IsNullOrEmpty(configuration["POD_NAME"])
        && !string.IsNullOrEmpty(configuration["POD_NAMESPACE"])
        && !string.IsNullOrEmpty(configuration["POD_IP"]);
}
