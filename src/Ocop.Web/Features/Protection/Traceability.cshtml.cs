using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

public sealed class TraceabilityModel(SectionContext section) : RegisterListPage<TraceabilityRow>(section)
{
    protected override RegisterDefinition<TraceabilityRow> Definition => ProtectionRegisters.Traceability;

    protected override IReadOnlyList<(string Label, string Page)> Related => ProtectionRegisters.Pages;
}
