using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Ocop.Web.Tests.Infrastructure.TestRun", "Ocop.Web.Tests")]

namespace Ocop.Web.Tests.Infrastructure;

/// <summary>xUnit's own test framework with one end-of-run step: the run's seeded template database is dropped.</summary>
public sealed class TestRun : XunitTestFramework
{
    public TestRun(IMessageSink messageSink)
        : base(messageSink) => DisposalTracker.Add(new TemplateCleanup());

    private sealed class TemplateCleanup : IDisposable
    {
        public void Dispose() => SeededTemplate.Drop();
    }
}
