namespace PgPlatform.Testing.Tests.Pulumi;

/// <summary>Pulumi YAML programs used by the validator tests.</summary>
internal static class PulumiPrograms
{
    /// <summary>A small but complete program touching every schema source the validator reads.</summary>
    public const string Valid = """
        name: pg-platform
        runtime: yaml
        description: dev stack
        config:
          tier:
            type: string
            default: development
        variables:
          client:
            fn::invoke:
              function: azure-native:authorization:getClientConfig
          kubeconfig:
            fn::readFile: ./kubeconfig
        resources:
          rg:
            type: azure-native:resources:ResourceGroup
            properties:
              location: westeurope
              tags: {cost-center: "1234", tier: "${tier}"}
          vault:
            type: azure-native:keyvault:Vault
            properties:
              resourceGroupName: ${rg.name}
              properties:
                tenantId: ${client.tenantId}
                sku: {family: A, name: standard}
                enableRbacAuthorization: true
                enablePurgeProtection: true
                softDeleteRetentionInDays: 30
            options:
              protect: true
          ownerPassword:
            type: random:RandomPassword
            properties:
              length: 32
              special: false
          ownerSecret:
            type: azure-native:keyvault:Secret
            properties:
              resourceGroupName: ${rg.name}
              vaultName: ${vault.name}
              secretName: linkding-owner
              properties:
                value: ${ownerPassword.result}
            options:
              additionalSecretOutputs: [properties]
              dependsOn: ["${vault}"]
          k8s:
            type: pulumi:providers:kubernetes
            properties:
              kubeconfig: ${kubeconfig}
              enableServerSideApply: true
          cnpg:
            type: kubernetes:helm.sh/v3:Release
            properties:
              chart: cloudnative-pg
              version: 0.26.0
              namespace: cnpg-system
              createNamespace: true
              repositoryOpts: {repo: https://cloudnative-pg.github.io/charts}
              values:
                monitoring: {podMonitorEnabled: false}
            options:
              provider: ${k8s}
          databases:
            type: kubernetes:yaml/v2:ConfigGroup
            properties:
              objs:
                - apiVersion: postgresql.cnpg.io/v1
                  kind: Cluster
                  metadata: {name: linkding-db, namespace: linkding}
                  spec: {instances: 1}
            options:
              provider: ${k8s}
              dependsOn: ["${cnpg}"]
          namespace:
            type: kubernetes:core/v1:Namespace
            properties:
              metadata: {name: linkding}
            options:
              provider: ${k8s}
        outputs:
          vaultUri: ${vault.properties.vaultUri}
          stack: ${pulumi.stack}
          priceNote: "costs $${tier} per month"
          secretName:
            fn::select: [0, ["${ownerSecret.name}"]]
        """;
}
