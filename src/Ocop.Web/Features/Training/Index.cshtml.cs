using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Training;

public sealed class IndexModel(SectionContext section) : RegisterListPage<TrainingRow>(section)
{
    protected override RegisterDefinition<TrainingRow> Definition => TrainingRegister.Events;
}
