namespace PgPlatform.Testing.Tests.Kubernetes;

/// <summary>Realistic, valid manifests of the kinds pg-platform emits, one per served schema source.</summary>
internal static class ValidManifests
{
    public const string Cluster = """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata:
          name: linkding-db
          namespace: linkding
          labels:
            app.kubernetes.io/name: linkding
            cost-center: "1234"
          creationTimestamp: null
        spec:
          instances: 3
          imageName: ghcr.io/cloudnative-pg/postgresql:17.5-standard-bookworm
          primaryUpdateStrategy: unsupervised
          storage:
            size: 10Gi
            storageClass: managed-csi-premium
          resources:
            requests: {cpu: 500m, memory: 1Gi}
            limits: {memory: 1Gi}
          affinity:
            enablePodAntiAffinity: true
            topologyKey: topology.kubernetes.io/zone
          bootstrap:
            initdb:
              database: linkding
              owner: linkding
          postgresql:
            parameters:
              max_connections: "200"
          plugins:
            - name: barman-cloud.cloudnative-pg.io
              isWALArchiver: true
              parameters:
                barmanObjectName: linkding-store
        """;

    public const string ObjectStore = """
        apiVersion: barmancloud.cnpg.io/v1
        kind: ObjectStore
        metadata:
          name: linkding-store
          namespace: linkding
        spec:
          retentionPolicy: 30d
          configuration:
            destinationPath: https://pgpbackups.blob.core.windows.net/linkding
            azureCredentials:
              inheritFromAzureAD: true
            wal:
              compression: gzip
            data:
              compression: gzip
        """;

    public const string ExternalSecret = """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: linkding-owner
          namespace: linkding
        spec:
          refreshInterval: 1h
          secretStoreRef:
            kind: ClusterSecretStore
            name: azure-key-vault
          target:
            name: linkding-owner
            creationPolicy: Owner
            template:
              type: kubernetes.io/basic-auth
          data:
            - secretKey: password
              remoteRef:
                key: linkding-owner-password
        """;

    public const string PodMonitor = """
        apiVersion: monitoring.coreos.com/v1
        kind: PodMonitor
        metadata:
          name: linkding-db
          namespace: linkding
        spec:
          selector:
            matchLabels:
              cnpg.io/cluster: linkding-db
          podMetricsEndpoints:
            - port: metrics
              interval: 30s
        """;

    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: linkding
          namespace: linkding
          labels: {app: linkding}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: linkding}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          template:
            metadata:
              labels: {app: linkding}
            spec:
              containers:
                - name: linkding
                  image: sissbruecker/linkding:1.41.0
                  ports:
                    - {name: http, containerPort: 9090}
                  env:
                    - name: LD_DB_HOST
                      value: linkding-db-rw
                    - name: LD_DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: linkding-owner, key: password}
                  resources:
                    requests: {cpu: 100m, memory: 256Mi}
                    limits: {memory: 512Mi}
                  readinessProbe:
                    httpGet: {path: /health, port: http}
        """;

    public const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: linkding
          namespace: linkding
        spec:
          selector: {app: linkding}
          ports:
            - name: http
              port: 80
              targetPort: http
        """;

    public const string NetworkPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: linkding-db
          namespace: linkding
        spec:
          podSelector:
            matchLabels:
              cnpg.io/cluster: linkding-db
          policyTypes: [Ingress]
          ingress:
            - from:
                - podSelector:
                    matchLabels: {app: linkding}
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: cnpg-system
              ports:
                - {protocol: TCP, port: 5432}
                - {protocol: TCP, port: 8000}
        """;

    public const string PodDisruptionBudget = """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: linkding
          namespace: linkding
        spec:
          minAvailable: 1
          selector:
            matchLabels: {app: linkding}
        """;

    public const string ApplicationSet = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: databases
          namespace: argocd
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
            - git:
                repoURL: https://github.com/example/pg-platform-gitops.git
                revision: main
                directories:
                  - path: databases/*/overlays/dev
          template:
            metadata:
              name: '{{index .path.segments 1}}-db'
            spec:
              project: databases
              source:
                repoURL: https://github.com/example/pg-platform-gitops.git
                targetRevision: main
                path: '{{.path.path}}'
              destination:
                server: https://kubernetes.default.svc
                namespace: '{{index .path.segments 1}}'
              syncPolicy:
                automated: {prune: true, selfHeal: true}
                syncOptions: [CreateNamespace=true]
        """;

    /// <summary>Every manifest above, for tests that go over all of them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Cluster, ObjectStore, ExternalSecret, PodMonitor, Deployment, Service, NetworkPolicy, PodDisruptionBudget, ApplicationSet];
}
