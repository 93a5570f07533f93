package io.m365platform.graphsim.tenant;

/** One membership change of a group, for members@delta. */
public record MemberChange(long seq, String memberId, boolean removed) {
}
