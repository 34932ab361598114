#!/usr/bin/env python3
"""Static checks of deploy/ that need no container engine or cluster (deploy/check.sh runs this).

YAML parses; Compose and Kubernetes objects hang together (selectors, probes, labels, secrets, stages); the cluster
certificate is mounted from its Secret wherever Orleans talks, and the NetworkPolicies admit exactly the product's paths
(silo port from silos, gateway port from the Api pods, PostgreSQL from both, nothing else); the seed's
autoscaling (3 to 20 replicas at 70 % CPU and 80 % memory) over containers that state requests and limits, the Ingress
to the Api Service and the SignalR affinity are as deploy/README.md says; and every
environment variable the files set is a real setting: a row of the README's configuration table whose name the code
reads, or a platform variable whose reader is named below. Prints one line per check; exits 1 on any failure.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def load_all(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


# ---- Dockerfile ----
dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
stages = re.findall(r"^FROM\s+\S+\s+AS\s+(\S+)", dockerfile, re.M)
check({"web", "build", "silo", "api"} <= set(stages), f"Dockerfile has the stages web, build, silo, api (found {stages})")
check(stages[-1] == "api", "Dockerfile: api is the last stage, so a build without --target makes the Api image")
for ref in re.findall(r"^COPY\s+--from=(\S+)", dockerfile, re.M):
    check(ref in stages, f"Dockerfile: COPY --from={ref} names a stage")
for line in re.findall(r"^COPY\s+(?!--from)(.+)$", dockerfile, re.M):
    for source in line.split()[:-1]:
        check((ROOT / source).exists(), f"Dockerfile: COPY source {source} exists")
for stage_base in re.findall(r"^FROM\s+(\S+)\s+AS", dockerfile, re.M):
    if stage_base in stages:
        check(stages.index(stage_base) >= 0, f"Dockerfile: stage base {stage_base} is an earlier stage")
dockerfile_env = set(re.findall(r"(?:^ENV\s+|^\s+)([A-Za-z_][A-Za-z0-9_]*)=", dockerfile, re.M))

# ---- docker-compose.yml ----
compose = load_all(DEPLOY / "docker-compose.yml")[0]
services = compose["services"]
check({"cluster-tls", "postgres", "silo-1", "silo-2", "api"} == set(services), f"compose: services cluster-tls, postgres, silo-1, silo-2, api (found {sorted(services)})")
compose_env = {}
for name, service in services.items():
    for key in (service.get("environment") or {}):
        compose_env.setdefault(key, set()).add(name)
    target = (service.get("build") or {}).get("target")
    if target:
        check(target in stages, f"compose: {name} builds Dockerfile target {target}")
for silo in ("silo-1", "silo-2"):
    env = services[silo]["environment"]
    check(env.get("Orleans__Mode") == "Cluster", f"compose: {silo} runs Orleans__Mode=Cluster")
    address = services[silo]["networks"]["cluster"]["ipv4_address"]
    check(env.get("Orleans__AdvertisedAddress") == address, f"compose: {silo} advertises its own network address {address}")
    subnet = compose["networks"]["cluster"]["ipam"]["config"][0]["subnet"]
    check(address.rsplit(".", 1)[0] == subnet.split("/")[0].rsplit(".", 1)[0], f"compose: {silo} address is in {subnet}")
check(services["api"]["environment"].get("Orleans__Mode") == "Client", "compose: api runs Orleans__Mode=Client")
# The one-shot cluster-tls service writes the certificate folder into a volume every Orleans process mounts read-only.
maker = services["cluster-tls"]
made_volume, made_at = maker["volumes"][0].split(":")[:2]
made_folder = maker["command"][1]
check(maker["command"][0] == "cluster-certificate" and made_folder.startswith(made_at + "/"), "compose: cluster-tls runs the silo's cluster-certificate verb into its volume")
for name in ("silo-1", "silo-2", "api"):
    service = services[name]
    mounted = {v.split(":")[0]: v.split(":")[1] for v in service["volumes"] if v.endswith(":ro")}
    folder = service["environment"].get("Orleans__Tls__CertificateFolder", "")
    check(made_volume in mounted and folder == mounted[made_volume] + made_folder[len(made_at):],
          f"compose: {name} reads the cluster certificate cluster-tls made, from its volume mounted read-only")
    check(service["depends_on"].get("cluster-tls", {}).get("condition") == "service_completed_successfully", f"compose: {name} starts after the certificate is made")
check(all(p.startswith("127.0.0.1:") for p in services["api"].get("ports", [])), "compose: api publishes on loopback only")

# ---- Kubernetes ----
K8S = DEPLOY / "k8s"
kustomization = load_all(K8S / "kustomization.yaml")[0]
for resource in kustomization["resources"]:
    check((K8S / resource).exists(), f"k8s: kustomization resource {resource} exists")
objects = [(path.name, o) for path in sorted(K8S.glob("*.yaml")) if path.name != "kustomization.yaml" for o in load_all(path)]
kinds = sorted(o["kind"] for _, o in objects)
for kind, count in {"Deployment": 2, "Service": 1, "PodDisruptionBudget": 2, "ServiceAccount": 2, "Role": 1, "RoleBinding": 1, "Secret": 2,
                    "HorizontalPodAutoscaler": 2, "Ingress": 2, "NetworkPolicy": 4}.items():
    check(kinds.count(kind) == count, f"k8s: {count} {kind} (found {kinds.count(kind)})")

deployments = {o["metadata"]["name"]: o for _, o in objects if o["kind"] == "Deployment"}
secrets = {o["metadata"]["name"]: o for _, o in objects if o["kind"] == "Secret"}
secret = secrets["ipf-secrets"]
for name, template in secrets.items():
    check(all(v == "" for v in template["stringData"].values()), f"k8s: the Secret template {name} holds no values")
accounts = {o["metadata"]["name"] for _, o in objects if o["kind"] == "ServiceAccount"}
k8s_env = {}


def selects(selector, labels):
    return all(labels.get(k) == v for k, v in selector.items())


def quantity(value):
    """A Kubernetes quantity (500m, 1Gi, 2) as a number."""
    match = re.fullmatch(r"([0-9.]+)(m|k|Ki|M|Mi|G|Gi)?", str(value))
    factor = {None: 1, "m": 1e-3, "k": 1e3, "Ki": 2**10, "M": 1e6, "Mi": 2**20, "G": 1e9, "Gi": 2**30}[match.group(2)]
    return float(match.group(1)) * factor


def nginx_size(value):
    """An nginx size (8m, 512k, 1g, 1024) in bytes."""
    match = re.fullmatch(r"([0-9]+)([kKmMgG])?", str(value))
    return int(match.group(1)) * {None: 1, "k": 2**10, "m": 2**20, "g": 2**30}[match.group(2) and match.group(2).lower()]


def source_bytes(path, constant):
    """A byte count a C# constant states as a product of integers (8 * 1024 * 1024)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    expression = re.search(rf"{constant}\s*=\s*([0-9 *]+);", text).group(1)
    product = 1
    for factor in expression.split("*"):
        product *= int(factor)
    return product


for name, deployment in deployments.items():
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    check(selects(deployment["spec"]["selector"]["matchLabels"], labels), f"k8s: {name} selector matches its pods' labels")
    check(pod["spec"].get("serviceAccountName") in accounts, f"k8s: {name} runs as a ServiceAccount defined here")
    for container in pod["spec"]["containers"]:
        env = {e["name"]: e for e in container.get("env", [])}
        for key, entry in env.items():
            k8s_env.setdefault(key, set()).add(name)
            ref = entry.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                check(ref["name"] == secret["metadata"]["name"] and ref["key"] in secret["stringData"],
                      f"k8s: {name} {key} comes from a key of the Secret template")
        resources = container.get("resources", {})
        requests, limits = resources.get("requests", {}), resources.get("limits", {})
        check({"cpu", "memory"} <= set(requests) and "memory" in limits,
              f"k8s: {name} states CPU and memory requests (the autoscaler's utilisation is of them) and a memory limit")
        check(all(quantity(limits[r]) >= quantity(requests[r]) for r in limits if r in requests),
              f"k8s: {name} limits are at least its requests ({limits} >= {requests})")
        if name == "ipf-api":
            check("cpu" in limits, "k8s: ipf-api has a CPU limit")
        if name == "ipf-silo":
            check("cpu" not in limits, "k8s: ipf-silo has no CPU limit (a throttled silo misses its membership probes)")
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            check(probe in container, f"k8s: {name} has a {probe}")
        if name == "ipf-api":
            check(container["readinessProbe"]["httpGet"]["path"] == "/health/ready", "k8s: ipf-api readiness probes /health/ready")
            check(container["livenessProbe"]["httpGet"]["path"] == "/health/live", "k8s: ipf-api liveness probes /health/live")
            check(env["Orleans__Mode"]["value"] == "Client", "k8s: ipf-api runs Orleans__Mode=Client")
        if name == "ipf-silo":
            check(env["Orleans__Mode"]["value"] == "Cluster", "k8s: ipf-silo runs Orleans__Mode=Cluster")
            check(labels.get("orleans/clusterId") == env["Orleans__ClusterId"]["value"]
                  and labels.get("orleans/serviceId") == env["Orleans__ServiceId"]["value"],
                  "k8s: ipf-silo pods' orleans/* labels equal its Orleans__ClusterId and Orleans__ServiceId")
            check({"POD_NAME", "POD_NAMESPACE", "POD_IP"} <= set(env), "k8s: ipf-silo passes POD_NAME, POD_NAMESPACE, POD_IP")
            ports = {p["name"] for p in container["ports"]}
            check(all(container[p]["tcpSocket"]["port"] in ports for p in ("readinessProbe", "livenessProbe", "startupProbe")),
                  "k8s: ipf-silo probes name its own ports")
api_env = {e["name"]: e.get("value") for e in deployments["ipf-api"]["spec"]["template"]["spec"]["containers"][0]["env"]}
silo_env = {e["name"]: e.get("value") for e in deployments["ipf-silo"]["spec"]["template"]["spec"]["containers"][0]["env"]}
check(api_env["Orleans__ClusterId"] == silo_env["Orleans__ClusterId"] and api_env["Orleans__ServiceId"] == silo_env["Orleans__ServiceId"],
      "k8s: Api and silos name the same cluster and service")
for _, o in objects:
    if o["kind"] in ("Service", "PodDisruptionBudget"):
        selector = o["spec"]["selector"].get("matchLabels", o["spec"]["selector"])
        check(any(selects(selector, d["spec"]["template"]["metadata"]["labels"]) for d in deployments.values()),
              f"k8s: {o['kind']} {o['metadata']['name']} selects pods of a Deployment")

# The seed's autoscaling: 3 to 20 replicas at 70 % CPU and 80 % memory, for the Api nodes and the silos.
autoscalers = {o["spec"]["scaleTargetRef"]["name"]: o for _, o in objects if o["kind"] == "HorizontalPodAutoscaler"}
budgets = {o["metadata"]["name"]: o for _, o in objects if o["kind"] == "PodDisruptionBudget"}
for name, deployment in deployments.items():
    hpa = autoscalers.get(name)
    check(hpa is not None and hpa["apiVersion"] == "autoscaling/v2" and hpa["spec"]["scaleTargetRef"]["kind"] == "Deployment",
          f"k8s: an autoscaling/v2 HorizontalPodAutoscaler scales Deployment {name}")
    if hpa is None:
        continue
    spec = hpa["spec"]
    check((spec["minReplicas"], spec["maxReplicas"]) == (3, 20), f"k8s: {name} scales from 3 to 20 replicas (found {spec['minReplicas']} to {spec['maxReplicas']})")
    targets = {m["resource"]["name"]: m["resource"]["target"] for m in spec["metrics"] if m["type"] == "Resource"}
    check(targets == {"cpu": {"type": "Utilization", "averageUtilization": 70}, "memory": {"type": "Utilization", "averageUtilization": 80}},
          f"k8s: {name} targets 70 % average CPU and 80 % average memory utilisation (found {targets})")
    check("replicas" not in deployment["spec"], f"k8s: {name} states no replicas, so `kubectl apply` leaves the autoscaler's count alone")
    budget = next((b for b in budgets.values() if selects(b["spec"]["selector"]["matchLabels"], deployment["spec"]["template"]["metadata"]["labels"])), None)
    left = spec["minReplicas"] - budget["spec"]["maxUnavailable"] if budget and "maxUnavailable" in budget["spec"] else budget and budget["spec"].get("minAvailable")
    check(budget is not None and left is not None and 2 <= left < spec["minReplicas"],
          f"k8s: {name}'s PodDisruptionBudget keeps at least 2 of its 3 minimum pods through a drain and lets one go")
silo_down = autoscalers["ipf-silo"]["spec"].get("behavior", {}).get("scaleDown", {})
check(silo_down.get("stabilizationWindowSeconds", 0) >= 300 and silo_down.get("policies")
      and all(p["type"] == "Pods" and p["value"] == 1 for p in silo_down["policies"]),
      "k8s: silos scale down one pod at a time, after a stabilisation window of 5 minutes or more")

# SignalR across Api nodes: in-cluster clients stay on one pod, the Ingress keeps outside clients on one with a cookie.
services = {o["metadata"]["name"]: o for _, o in objects if o["kind"] == "Service"}
api_service = next(n for n, o in services.items() if selects(o["spec"]["selector"], deployments["ipf-api"]["spec"]["template"]["metadata"]["labels"]))
check(services[api_service]["spec"].get("sessionAffinity") == "ClientIP", f"k8s: Service {api_service} keeps a client on one Api pod (sessionAffinity: ClientIP)")
hub_path = re.search(r'const string Path = "([^"]+)"', (ROOT / "src/Api/Live/InventoryHub.cs").read_text(encoding="utf-8")).group(1)
largest_body = max(source_bytes("src/Api/Integrations/PosSalesApi.cs", "MaxBodyBytes"), source_bytes("src/Api/Hosting/ApiServices.cs", "DefaultMaxRequestBodyBytes"))
routes = {}
for ingress in (o for _, o in objects if o["kind"] == "Ingress"):
    iname = ingress["metadata"]["name"]
    check(ingress["apiVersion"] == "networking.k8s.io/v1" and ingress["spec"].get("ingressClassName"), f"k8s: Ingress {iname} is networking.k8s.io/v1 with an ingressClassName")
    hosts = {h for rule in ingress["spec"]["rules"] for h in [rule.get("host")]}
    check(all(t.get("secretName") for t in ingress["spec"].get("tls", [])) and hosts <= {h for t in ingress["spec"].get("tls", []) for h in t["hosts"]},
          f"k8s: Ingress {iname} serves its hosts over TLS from a named Secret")
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            service = services.get(backend["name"])
            ports = {p.get("name") for p in service["spec"]["ports"]} | {p["port"] for p in service["spec"]["ports"]} if service else set()
            check(service is not None and (backend["port"].get("name") or backend["port"].get("number")) in ports,
                  f"k8s: Ingress {iname} {path['path']} routes to a port of Service {backend['name']}")
            routes[path["path"]] = (backend["name"], ingress)
check(routes.get("/", (None,))[0] == api_service, "k8s: the Ingress routes / to the Api Service")
root_annotations = routes.get("/", (None, {"metadata": {}}))[1]["metadata"].get("annotations", {})
check(nginx_size(root_annotations.get("nginx.ingress.kubernetes.io/proxy-body-size", "1m")) >= largest_body,
      f"k8s: the Ingress lets through the Api's largest body ({largest_body} bytes, PosSalesApi), so the Api answers oversize ones itself")
hub_route = max((p for p in routes if hub_path.startswith(p)), key=len, default=None)
hub_annotations = routes[hub_route][1]["metadata"].get("annotations", {}) if hub_route else {}
check(hub_route is not None and routes[hub_route][0] == api_service and hub_annotations.get("nginx.ingress.kubernetes.io/affinity") == "cookie",
      f"k8s: the Ingress routes {hub_path} to the Api Service with cookie affinity")
check(all(int(hub_annotations.get(f"nginx.ingress.kubernetes.io/proxy-{t}-timeout", "60")) > 90 for t in ("read", "send")),
      f"k8s: the Ingress's timeouts on {hub_path} outlast a SignalR long poll (90 s)")
hub_client = (ROOT / "src/Web/src/live/hub.ts").read_text(encoding="utf-8")
check("skipNegotiation: true" in hub_client and "transport: HttpTransportType.WebSockets" in hub_client,
      "web: the app's hub connection is one WebSocket request without negotiation (any Api node serves it)")

# The cluster's own ports: mutual TLS with the cluster certificate, mounted from its Secret into every pod that talks Orleans.
certificate_source = (ROOT / "src/Silo/Transport/ClusterCertificate.cs").read_text(encoding="utf-8")
certificate_files = {re.search(rf'{c} = "([^"]+)"', certificate_source).group(1) for c in ("CertificateFile", "KeyFile", "AuthoritiesFile")}
tls_secret = secrets.get("ipf-cluster-tls", {"stringData": {}})
check(set(tls_secret["stringData"]) == certificate_files, f"k8s: the Secret ipf-cluster-tls holds {sorted(certificate_files)}, the files ClusterCertificate reads")
for name, deployment in deployments.items():
    spec = deployment["spec"]["template"]["spec"]
    container = spec["containers"][0]
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    mounts = {m["mountPath"]: m for m in container.get("volumeMounts", [])}
    mount = mounts.get(env.get("Orleans__Tls__CertificateFolder"))
    volume = volumes.get(mount["name"]) if mount else None
    check(mount is not None and mount.get("readOnly") and volume is not None and volume.get("secret", {}).get("secretName") == "ipf-cluster-tls",
          f"k8s: {name} reads the cluster certificate (Orleans__Tls__CertificateFolder) from the Secret ipf-cluster-tls, mounted read-only")
    mode = volume.get("secret", {}).get("defaultMode") if volume else None
    check(mode is not None and mode & 0o007 == 0 and spec.get("securityContext", {}).get("fsGroup") == spec.get("securityContext", {}).get("runAsUser"),
          f"k8s: {name}'s cluster certificate files are readable by its own group (fsGroup), not by others")

# NetworkPolicy, evaluated as Kubernetes does for ingress within the namespace: a pod selected by no policy takes
# anything; a selected pod takes only what one of its rules allows (a peer by pod labels, a port by name or number).
policies = [o for _, o in objects if o["kind"] == "NetworkPolicy"]
silo_labels = deployments["ipf-silo"]["spec"]["template"]["metadata"]["labels"]
api_labels = deployments["ipf-api"]["spec"]["template"]["metadata"]["labels"]
postgres_labels = {"app.kubernetes.io/name": "postgresql"}
stranger_labels = {"app.kubernetes.io/name": "something-else"}


def named_ports(labels):
    for d in deployments.values():
        if d["spec"]["template"]["metadata"]["labels"] == labels:
            return {p["name"]: p["containerPort"] for c in d["spec"]["template"]["spec"]["containers"] for p in c.get("ports", [])}
    return {}


def admits(to_labels, port, from_labels):
    isolating = [p for p in policies if "Ingress" in p["spec"].get("policyTypes", ["Ingress"])
                 and selects(p["spec"]["podSelector"].get("matchLabels", {}), to_labels)]
    if not isolating:
        return True
    ports = named_ports(to_labels)
    for policy in isolating:
        for rule in policy["spec"].get("ingress") or []:
            peers = rule.get("from")
            peer_ok = peers is None or any(set(peer) == {"podSelector"} and selects(peer["podSelector"].get("matchLabels", {}), from_labels) for peer in peers)
            port_ok = rule.get("ports") is None or any(ports.get(p["port"], p["port"]) == port for p in rule["ports"])
            if peer_ok and port_ok:
                return True
    return False


silo_ports = named_ports(silo_labels)
check((silo_ports.get("silo"), silo_ports.get("gateway")) == (int(silo_env["Orleans__SiloPort"]), int(silo_env["Orleans__GatewayPort"])),
      "k8s: the silo's ports named silo and gateway are its Orleans__SiloPort and Orleans__GatewayPort")
for to, port, source, expected, what in [
    (silo_labels, silo_ports["silo"], silo_labels, True, "the silo port takes other silos"),
    (silo_labels, silo_ports["silo"], api_labels, False, "the silo port refuses the Api pods"),
    (silo_labels, silo_ports["silo"], stranger_labels, False, "the silo port refuses any other pod"),
    (silo_labels, silo_ports["gateway"], api_labels, True, "the gateway port takes the Api pods"),
    (silo_labels, silo_ports["gateway"], silo_labels, False, "the gateway port refuses silos (they use the silo port)"),
    (silo_labels, silo_ports["gateway"], stranger_labels, False, "the gateway port refuses any other pod"),
    (silo_labels, 9464, api_labels, False, "a silo takes nothing on another port"),
    (api_labels, named_ports(api_labels)["http"], stranger_labels, True, "the Api's HTTP port takes anyone (the Ingress, in-cluster clients)"),
    (api_labels, silo_ports["gateway"], stranger_labels, False, "an Api pod takes nothing on another port"),
    (postgres_labels, 5432, silo_labels, True, "PostgreSQL in the namespace takes the silos"),
    (postgres_labels, 5432, api_labels, True, "PostgreSQL in the namespace takes the Api pods"),
    (postgres_labels, 5432, stranger_labels, False, "PostgreSQL in the namespace refuses any other pod"),
    (stranger_labels, 80, api_labels, False, "any other pod of the namespace takes nothing (default deny)"),
]:
    check(admits(to, port, source) == expected, f"k8s NetworkPolicy: {what}")

binding = next(o for _, o in objects if o["kind"] == "RoleBinding")
role = next(o for _, o in objects if o["kind"] == "Role")
check(binding["roleRef"]["name"] == role["metadata"]["name"] and binding["subjects"][0]["name"] == deployments["ipf-silo"]["spec"]["template"]["spec"]["serviceAccountName"],
      "k8s: the silos' ServiceAccount is bound to the pods Role")
check({"get", "watch", "list", "patch"} == set(role["rules"][0]["verbs"]), "k8s: the Role grants get, watch, list, patch on pods (what Orleans' Kubernetes hosting asks for)")

# ---- every variable set is a real setting ----
readme = (ROOT / "README.md").read_text(encoding="utf-8")
table = "\n".join(line for line in readme.splitlines() if line.startswith("| `"))
source = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (ROOT / "src").rglob("*")
                   if p.suffix in (".cs", ".json", ".ts") and "node_modules" not in p.parts and "bin" not in p.parts and "obj" not in p.parts)
# Variables read by something other than our settings, and where.
PLATFORM = {
    "POSTGRES_USER": "the postgres image", "POSTGRES_DB": "the postgres image", "POSTGRES_PASSWORD": "the postgres image",
    "DOTNET_NOLOGO": "the dotnet CLI", "DOTNET_CLI_TELEMETRY_OPTOUT": "the dotnet CLI",
    "POD_NAME": "src/Silo/Hosting/KubernetesPod.cs and Orleans' Kubernetes hosting",
    "POD_NAMESPACE": "src/Silo/Hosting/KubernetesPod.cs and Orleans' Kubernetes hosting",
    "POD_IP": "src/Silo/Hosting/KubernetesPod.cs and Orleans' Kubernetes hosting",
    "WEB_OUT_DIR": "src/Web/vite.config.ts",
}
everything = {**{k: {"compose"} for k in compose_env}, **{k: {"k8s"} for k in k8s_env}, **{k: {"Dockerfile"} for k in dockerfile_env}}
for name in sorted(set(compose_env) | set(k8s_env) | dockerfile_env):
    if name in PLATFORM:
        reader = PLATFORM[name]
        readable = reader.startswith("the ") or name in source
        check(readable, f"env {name}: read by {reader}")
        continue
    documented = f"`{name}`" in table
    # The code reads Section:Key (or the raw name for IPF_* and ASPNETCORE_*); its last part must appear in src/.
    key = name.split("__")[-1]
    # ASP.NET Core reads its own ASPNETCORE_* variables; the README documents the ones we set.
    read = name.startswith("ASPNETCORE_") or key in source
    check(documented and read, f"env {name}: a README configuration row{' and read in src/' if documented else ''}")

print(f"{len(failures)} failed" if failures else "all static checks passed")
sys.exit(1 if failures else 0)
