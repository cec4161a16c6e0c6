# ruff: noqa: E501 -- msgids must stay exactly as allauth and Django spell them.
"""Strings that django-allauth and django.contrib.auth show on our account pages but that their own
Kazakh catalogues lack (allauth ships no Kazakh at all; Django's is incomplete).

This module is never imported. It exists so that `makemessages` keeps these exact msgids in the cms
catalogue: cms/locale comes first in LOCALE_PATHS, so the Kazakh translations there override the
missing ones. Russian comes from allauth's and Django's own complete catalogues.

Scope: sign-in, sign-up, email verification and change, password reset and change, the account
emails and messages, and the MFA pages (TOTP and recovery codes). Social accounts, passkeys,
phones and user sessions are not used by the site and are left out."""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

ALLAUTH = [
    _("This account is currently inactive."),
    _("You cannot remove your primary email address."),
    _("This email address is already associated with this account."),
    _("The email address and/or password you specified are not correct."),
    _("The phone number and/or password you specified are not correct."),
    _("A user is already registered with this email address."),
    _("Please type your current password."),
    _("Incorrect code."),
    _("Incorrect password."),
    _("Invalid or expired key."),
    _("Invalid login."),
    _("The password reset token was invalid."),
    _("You cannot add more than %d email addresses."),
    _("A user is already registered with this phone number."),
    _("Too many failed login attempts. Try again later."),
    _("The email address is not assigned to any user account."),
    _("The phone number is not assigned to any user account."),
    _("Your primary email address must be verified."),
    _("Username can not be used. Please use other username."),
    _("The username and/or password you specified are not correct."),
    _("Please select only one."),
    _("The new value must be different from the current one."),
    _("Be patient, you are sending too many requests."),
    _("Use your password"),
    _("Use authenticator app or code"),
    _("Use a security key"),
    _("Email"),
    _("Email address"),
    _("Enter a phone number including country code (e.g. +1 for the US)."),
    _("Phone"),
    _("You must type the same password each time."),
    _("Password"),
    _("Remember Me"),
    _("Username"),
    _("Username, email or phone"),
    _("Username or email"),
    _("Username or phone"),
    _("Email or phone"),
    _("Forgot your password?"),
    _("Email (again)"),
    _("Email address confirmation"),
    _("Email (optional)"),
    _("Username (optional)"),
    _("You must type the same email each time."),
    _("Password (again)"),
    _("Current Password"),
    _("New Password"),
    _("New Password (again)"),
    _("Code"),
    _("You cannot add an email address to an account protected by two-factor authentication."),
    _("You cannot deactivate two-factor authentication."),
    _("You cannot generate recovery codes without having two-factor authentication enabled."),
    _("You cannot activate two-factor authentication until you have verified your email address."),
    _("Master key"),
    _("Backup key"),
    _("Key nr. {number}"),
    _("Recovery codes"),
    _("TOTP Authenticator"),
    _("WebAuthn"),
    _("Authenticator code"),
    _("Cancel"),
    _("Account Inactive"),
    _("This account is inactive."),
    _("Confirm"),
    _("Confirm Access"),
    _("Please reauthenticate to safeguard your account."),
    _("Alternative options"),
    _("Sign In"),
    _("Password Reset"),
    _("Email Addresses"),
    _("The following email addresses are associated with your account:"),
    _("Verified"),
    _("Unverified"),
    _("Primary"),
    _("Make Primary"),
    _("Re-send Verification"),
    _("Remove"),
    _("Add Email Address"),
    _("Add Email"),
    _("Do you really want to remove the selected email address?"),
    _(
        "You are receiving this email because you or someone else tried to signup for an\naccount using email address:\n\n%(email)s\n\nHowever, an account using that email address already exists.  In case you have\nforgotten about this, please use the password forgotten procedure to recover\nyour account:\n\n%(password_reset_url)s"
    ),
    _("Account Already Exists"),
    _("Hello from %(site_name)s!"),
    _("Thank you for using %(site_name)s!\n%(site_domain)s"),
    _("You are receiving this mail because the following change was made to your account:"),
    _(
        "If you do not recognize this change then please take proper security precautions immediately. The change to your account originates from:\n\n- IP address: %(ip)s\n- Browser: %(user_agent)s\n- Date: %(timestamp)s"
    ),
    _("Your email has been changed from %(from_email)s to %(to_email)s."),
    _("Email Changed"),
    _("Your email has been confirmed."),
    _("Email Confirmation"),
    _(
        "You're receiving this email because user %(user_display)s has given your email address to register an account on %(site_domain)s."
    ),
    _("Your email verification code is listed below. Please enter it in your open browser window."),
    _("To confirm this is correct, go to %(activate_url)s"),
    _("Please Confirm Your Email Address"),
    _("Email address %(deleted_email)s has been removed from your account."),
    _("Email Removed"),
    _("Your sign-in code is listed below. Please enter it in your open browser window."),
    _("This mail can be safely ignored if you did not initiate this action."),
    _("Sign-In Code"),
    _("Your password has been changed."),
    _("Password Changed"),
    _("Your password reset code is listed below. Please enter it in your open browser window."),
    _("Password Reset Code"),
    _(
        "You're receiving this email because you or someone else has requested a password reset for your user account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset your password."
    ),
    _("In case you forgot, your username is %(username)s."),
    _("Password Reset Email"),
    _("Your password has been reset."),
    _("Your password has been set."),
    _("Password Set"),
    _(
        "You are receiving this email because you, or someone else, tried to access an account with email %(email)s. However, we do not have any record of such an account in our database."
    ),
    _("If it was you, you can sign up for an account using the link below."),
    _("Unknown Account"),
    _("Email Address"),
    _("Current email"),
    _("Changing to"),
    _("Your email address is still pending verification."),
    _("Cancel Change"),
    _("Change to"),
    _("Change Email"),
    _("Confirm Email Address"),
    _(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    _("Unable to confirm %(email)s because it is already confirmed by a different account."),
    _(
        'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    _("If you have not created an account yet, then please %(link)ssign up%(end_link)s first."),
    _("Sign in with a passkey"),
    _("Send me a sign-in code"),
    _("Sign Out"),
    _("Are you sure you want to sign out?"),
    _("You cannot remove your primary email address (%(email)s)."),
    _("Confirmation email sent to %(email)s."),
    _("You have confirmed %(email)s."),
    _("Removed email address %(email)s."),
    _("Successfully signed in as %(name)s."),
    _("You have signed out."),
    _("A sign-in code has been sent to %(recipient)s."),
    _("Password successfully changed."),
    _("Password successfully set."),
    _("A verification code has been sent to %(phone)s."),
    _("You have verified phone number %(phone)s."),
    _("Primary email address set."),
    _("Change Password"),
    _("Forgot Password?"),
    _(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    _("Reset My Password"),
    _("Please contact us if you have any trouble resetting your password."),
    _(
        "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    _("Bad Token"),
    _(
        'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    _("Your password is now changed."),
    _("Set Password"),
    _("Enter your password:"),
    _("Signup"),
    _("Sign Up"),
    _("Already have an account? Then please %(link)ssign in%(end_link)s."),
    _("Sign up using a passkey"),
    _("Sign Up Closed"),
    _("We are sorry, but the sign up is currently closed."),
    _("Note"),
    _("You are already logged in as %(user_display)s."),
    _("Warning:"),
    _(
        "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc."
    ),
    _("Verify Your Email Address"),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    _(
        "This part of the site requires us to verify that\nyou are who you claim to be. For this purpose, we require that you\nverify ownership of your email address. "
    ),
    _(
        "We have sent an email to you for\nverification. Please click on the link inside that email. If you do not see the verification email in your main inbox, check your spam folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
    _(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'
    ),
    _("Two-Factor Authentication"),
    _(
        "Your account is protected by two-factor authentication. Please enter an authenticator code:"
    ),
    _("A new set of Two-Factor Authentication recovery codes has been generated."),
    _("New Recovery Codes Generated"),
    _("Authenticator app activated."),
    _("Authenticator App Activated"),
    _("Authenticator app deactivated."),
    _("Authenticator App Deactivated"),
    _("Authenticator App"),
    _("Authentication using an authenticator app is active."),
    _("An authenticator app is not active."),
    _("Deactivate"),
    _("Activate"),
    _("Security Keys"),
    _("No security keys have been added."),
    _("Manage"),
    _("Add"),
    _("Recovery Codes"),
    _("No recovery codes set up."),
    _("View"),
    _("Download"),
    _("Generate"),
    _("A new set of recovery codes has been generated."),
    _("Save them  in a secure location now — they won't be shown again."),
    _("Enter an authenticator code:"),
    _("You are about to generate a new set of recovery codes for your account."),
    _("This action will invalidate your existing codes."),
    _("Are you sure?"),
    _("Unused codes"),
    _("Download codes"),
    _("Generate new codes"),
    _("I have saved my recovery codes"),
    _("Activate Authenticator App"),
    _(
        "To protect your account with two-factor authentication, scan the QR code below with your authenticator app. Then, input the verification code generated by the app below."
    ),
    _("Authenticator secret"),
    _("You can store this secret and use it to reinstall your authenticator app at a later time."),
    _("Deactivate Authenticator App"),
    _("You are about to deactivate authenticator app based authentication. Are you sure?"),
    _("Trust this Browser?"),
    _(
        "If you choose to trust this browser, you will not be asked for a verification code the next time you sign in."
    ),
    _("Trust for %(period)s"),
    _("Don't Trust"),
]

DJANGO_AUTH = [
    _("Enter a valid email address."),
    _("The password is too similar to the %(verbose_name)s."),
    _("Your password can’t be too similar to your other personal information."),
    _("This password is too common."),
    _("Your password can’t be a commonly used password."),
    _("This password is entirely numeric."),
    _("Your password can’t be entirely numeric."),
]

PLURALS = [
    ngettext_lazy(
        "You have added %(count)s security key.", "You have added %(count)s security keys.", 1
    ),
    ngettext_lazy(
        "There is %(unused_count)s out of %(total_count)s recovery codes available.",
        "There are %(unused_count)s out of %(total_count)s recovery codes available.",
        1,
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        1,
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        1,
    ),
]

WITH_CONTEXT = [
    pgettext_lazy("field label", "Login"),
]
