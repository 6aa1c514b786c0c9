using PgPlatform.Components.Model;

namespace PgPlatform.Components.Day2;

/// <summary>An application in one environment: its namespace, its <see cref="AppDatabase"/> and its <see cref="AppWorkload"/>, and the stack outputs the app needs.</summary>
public sealed class Application
{
    /// <summary>Declares application <paramref name="name"/>.</summary>
    public Application(IComponentScope scope, string name, ApplicationArgs args)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        Database = new AppDatabase(scope, name, args.Database);
        Namespace.Add(scope, name, args.Database.Team, args.Database.Environment);
        Workload = new AppWorkload(scope, name, args.Workload, Database);
        var db = Database.Outputs;
        scope.Model.AddOutput(new StackOutput($"{name}-rw-host", db.ReadWriteHost));
        scope.Model.AddOutput(new StackOutput($"{name}-database", db.Database));
        scope.Model.AddOutput(new StackOutput($"{name}-secret", db.SecretName));
        scope.Model.AddOutput(new StackOutput($"{name}-namespace", db.Namespace));
    }

    /// <summary>The database.</summary>
    public AppDatabase Database { get; }

    /// <summary>The workload.</summary>
    public AppWorkload Workload { get; }
}
