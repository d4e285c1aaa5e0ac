import { NonEmptyText } from '@commerce/platform/http'
import { t } from 'elysia'
import { emailPattern, phonePattern } from '../domain/member'

/** A member's phone (original §2.2's rule); a wrong one is a 400 with fieldErrors. */
export const Phone = t.String({ pattern: phonePattern, maxLength: 20 })
export const Name = NonEmptyText(50)

export const RegisterBody = t.Object({
  email: t.String({ pattern: emailPattern, minLength: 3, maxLength: 254 }),
  // Bounded for bcrypt (72 bytes); auth has the last word on the password's rules.
  password: t.String({ minLength: 8, maxLength: 72 }),
  name: Name,
  phone: t.Optional(t.Union([Phone, t.Null()])),
})

export const ProfileBody = t.Object({ name: t.Optional(Name), phone: t.Optional(t.Union([Phone, t.Null()])) })

export const RegisteredView = t.Object({ id: t.Integer(), email: t.String(), name: t.String() })

export const MemberView = t.Object({
  id: t.Integer(),
  email: t.String(),
  name: t.String(),
  phone: t.Union([t.String(), t.Null()]),
  role: t.String(),
  status: t.String(),
  createdAt: t.String({ format: 'date-time' }),
})

const addressFields = {
  label: NonEmptyText(50),
  recipient: NonEmptyText(50),
  phone: NonEmptyText(20),
  zipCode: NonEmptyText(10),
  address: NonEmptyText(200),
  addressDetail: NonEmptyText(200),
}

export const NewAddressBody = t.Object({ ...addressFields, isDefault: t.Optional(t.Boolean()) })

export const AddressChangeBody = t.Partial(t.Object({ ...addressFields, isDefault: t.Boolean() }))

export const AddressView = t.Object({
  id: t.Integer(),
  label: t.String(),
  recipient: t.String(),
  phone: t.String(),
  zipCode: t.String(),
  address: t.String(),
  addressDetail: t.String(),
  isDefault: t.Boolean(),
})
