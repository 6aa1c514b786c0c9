using Xunit.Abstractions;
using Xunit.Sdk;

namespace PgPlatform.Stacks.Tests;

/// <summary>
/// Runs a class's tests in <see cref="RunOrderAttribute"/> order, for classes sharing one target where an
/// earlier drill leaves what a later one needs (the restore drill's backup, for backup health). Each test
/// still stands alone when run by itself.
/// </summary>
public sealed class RunOrderOrderer : ITestCaseOrderer
{
    /// <summary>The name xunit's <c>TestCaseOrderer</c> attribute refers to.</summary>
    public const string TypeName = "PgPlatform.Stacks.Tests.RunOrderOrderer";

    /// <summary>The assembly holding it.</summary>
    public const string AssemblyName = "PgPlatform.Stacks.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethod.Method.GetCustomAttributes(typeof(RunOrderAttribute).AssemblyQualifiedName!)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
