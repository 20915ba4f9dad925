using Microsoft.AspNetCore.Http;
using Ocop.Web.Data;

namespace Ocop.Web.Tests.Security;

/// <summary>
/// Work done on a user's behalf outside a form (an import, a command) is recorded under that user, and the histories
/// that show a name show the user's full name, as they do for the same change made through the form.
/// </summary>
public class CurrentActorTests
{
    [Theory]
    [InlineData("Nguyễn Thị Lan", "Nguyễn Thị Lan")]
    [InlineData(null, "vanphong")]
    [InlineData("", "vanphong")]
    public void Acting_for_a_user_reads_their_full_name_when_it_is_known(string? fullName, string shown)
    {
        var actor = new CurrentActor(new HttpContextAccessor());
        actor.ActAs("u-1", "vanphong", fullName);
        Assert.Equal(("u-1", "vanphong", shown), (actor.UserId, actor.UserName, actor.FullName));
    }

    [Fact]
    public void Outside_a_request_and_acting_for_nobody_it_is_the_system() =>
        Assert.Equal(CurrentActor.SystemName, new CurrentActor(new HttpContextAccessor()).FullName);
}
