using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

public sealed class AreasModel(SectionContext section) : RegisterListPage<AreaRow>(section)
{
    protected override RegisterDefinition<AreaRow> Definition => ValueChainRegisters.Areas;

    protected override IReadOnlyList<(string Label, string Page)> Related => ValueChainRegisters.Pages;
}
