using Ocop.Web.Data;

namespace Ocop.Web.Features.Support;

/// <summary>A support policy's form; the rules are <see cref="PolicyRules"/>'.</summary>
public sealed class PolicyEditModel(SectionContext section, SaveRegisterEntry<SupportPolicy, PolicyRules.PolicyInput> save)
    : RegisterEditPage<SupportPolicy, PolicyRules.PolicyInput>(section, save)
{
    protected override string ListPage => "/Support/Policies";

    protected override string SavedMessage => "Đã lưu chính sách hỗ trợ.";

    /// <summary>The form holds three rate rows (3, 4, 5 stars) whatever was posted.</summary>
    protected override Task LoadOptionsAsync(CancellationToken ct)
    {
        while (Input.Rates.Count < 3)
        {
            Input.Rates.Add(new PolicyRules.RateInput());
        }

        return Task.CompletedTask;
    }
}
