using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

public sealed class TitlesModel(SectionContext section) : RegisterListPage<IpTitleRow>(section)
{
    protected override RegisterDefinition<IpTitleRow> Definition => ProtectionRegisters.Titles;

    protected override IReadOnlyList<(string Label, string Page)> Related => ProtectionRegisters.Pages;
}
