package io.m365platform.contracts.action;

import io.m365platform.contracts.WireName;
import com.fasterxml.jackson.annotation.JsonValue;
import io.m365platform.contracts.action.parameters.ActionParameters;
import io.m365platform.contracts.action.parameters.AddTeamMemberParameters;
import io.m365platform.contracts.action.parameters.AssignLicenseParameters;
import io.m365platform.contracts.action.parameters.CreateUserParameters;
import io.m365platform.contracts.action.parameters.DeleteCalendarEventsParameters;
import io.m365platform.contracts.action.parameters.GroupMemberParameters;
import io.m365platform.contracts.action.parameters.RemoveCalendarDelegationParameters;
import io.m365platform.contracts.action.parameters.RemoveLicenseParameters;
import io.m365platform.contracts.action.parameters.RemoveMailForwardingParameters;
import io.m365platform.contracts.action.parameters.RemoveTeamMemberParameters;
import io.m365platform.contracts.action.parameters.ResetPasswordParameters;
import io.m365platform.contracts.action.parameters.SendBotMessageParameters;
import io.m365platform.contracts.action.parameters.SetAutomaticRepliesParameters;
import io.m365platform.contracts.action.parameters.SetMailForwardingParameters;
import io.m365platform.contracts.action.parameters.SetManagerParameters;
import io.m365platform.contracts.action.parameters.SetUserTypeParameters;
import io.m365platform.contracts.action.parameters.TransferOneDriveParameters;
import io.m365platform.contracts.action.parameters.UpdateUserParameters;
import io.m365platform.contracts.action.parameters.UserTarget;

import java.util.Optional;

/** Every workflow action the platform can run, with the parameters record each one takes. */
public enum ActionType implements WireName {
    CREATE_USER("create-user", CreateUserParameters.class),
    UPDATE_USER("update-user", UpdateUserParameters.class),
    DELETE_USER("delete-user", UserTarget.class),
    ENABLE_USER("enable-user", UserTarget.class),
    DISABLE_USER("disable-user", UserTarget.class),
    SET_MANAGER("set-manager", SetManagerParameters.class),
    REMOVE_MANAGER("remove-manager", UserTarget.class),
    SET_USER_TYPE("set-user-type", SetUserTypeParameters.class),
    REVOKE_SESSIONS("revoke-sessions", UserTarget.class),
    ADD_GROUP_MEMBER("add-group-member", GroupMemberParameters.class),
    REMOVE_GROUP_MEMBER("remove-group-member", GroupMemberParameters.class),
    ADD_TEAM_MEMBER("add-team-member", AddTeamMemberParameters.class),
    REMOVE_TEAM_MEMBER("remove-team-member", RemoveTeamMemberParameters.class),
    SET_MAIL_FORWARDING("set-mail-forwarding", SetMailForwardingParameters.class),
    REMOVE_MAIL_FORWARDING("remove-mail-forwarding", RemoveMailForwardingParameters.class),
    SET_AUTOMATIC_REPLIES("set-automatic-replies", SetAutomaticRepliesParameters.class),
    DELETE_CALENDAR_EVENTS("delete-calendar-events", DeleteCalendarEventsParameters.class),
    REMOVE_CALENDAR_DELEGATION("remove-calendar-delegation", RemoveCalendarDelegationParameters.class),
    TRANSFER_ONEDRIVE_TO_MANAGER("transfer-onedrive-to-manager", TransferOneDriveParameters.class),
    ASSIGN_LICENSE("assign-license", AssignLicenseParameters.class),
    REMOVE_LICENSE("remove-license", RemoveLicenseParameters.class),
    SEND_BOT_MESSAGE("send-bot-message", SendBotMessageParameters.class),
    RESET_PASSWORD("reset-password", ResetPasswordParameters.class);

    private final String wireName;
    private final Class<? extends ActionParameters> parametersClass;

    ActionType(String wireName, Class<? extends ActionParameters> parametersClass) {
        this.wireName = wireName;
        this.parametersClass = parametersClass;
    }

    /** The value used in JSON ({@code type} of an action request) and in the schema. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The parameters record this action takes. */
    public Class<? extends ActionParameters> parametersClass() {
        return parametersClass;
    }

    /** The action with this wire name, if any. */
    public static Optional<ActionType> fromWireName(String wireName) {
        return WireName.find(ActionType.class, wireName);
    }
}
