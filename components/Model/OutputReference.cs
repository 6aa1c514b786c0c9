namespace PgPlatform.Components.Model;

/// <summary>A value that only exists after deployment: property <see cref="Property"/> of resource <see cref="Resource"/>.</summary>
public sealed record OutputReference(string Resource, string Property)
{
    /// <summary>The Pulumi YAML interpolation for this reference.</summary>
    public override string ToString() => $"${{{Resource}.{Property}}}";
}
