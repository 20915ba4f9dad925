using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

public sealed class RewardsModel(SectionContext section) : RegisterListPage<RewardRow>(section)
{
    protected override RegisterDefinition<RewardRow> Definition => ValueChainRegisters.Rewards;

    protected override IReadOnlyList<(string Label, string Page)> Related => ValueChainRegisters.Pages;
}
