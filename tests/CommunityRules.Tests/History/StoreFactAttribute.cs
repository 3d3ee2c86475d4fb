using Xunit.Abstractions;
using Xunit.Sdk;

namespace CommunityRules.Tests.History;

/// <summary>Marks a test class whose tests need the PostgreSQL server of <see cref="PostgreSqlServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgreSqlAttribute : Attribute;

/// <summary>
/// A fact of a history store test, run for each class that inherits it. In a class marked
/// <see cref="NeedsPostgreSqlAttribute"/>, it is skipped, with the reason, where PostgreSQL's server programs are not
/// installed, except in CI (<c>CI=true</c>), where it runs and fails: CI must test PostgreSQL.
/// </summary>
[XunitTestCaseDiscoverer("CommunityRules.Tests.History.StoreFactDiscoverer", "CommunityRules.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Finds <see cref="StoreFactAttribute"/> tests, and skips them where a PostgreSQL class cannot have its server.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private static readonly Lazy<bool> ServerProgramsInstalled = new(() => PostgreSqlServer.FindBinaries() is not null);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsServer = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgreSqlAttribute)).Any();
        if (needsServer && !ServerProgramsInstalled.Value && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod,
                "PostgreSQL's server programs are not installed (apt-get install postgresql; .ci/run installs them).")];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
